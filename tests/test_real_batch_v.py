"""Names, leads, dates, sites, meetings and page credits: one test per class of real text met in batch V
of the real corpus, on invented articles with invented names."""
from datetime import date

from loaders.layout import segment_page
from test_events import events, sites
from test_mentions import people

D = date(2019, 4, 10)


def names(text):
    return list(people(text))


def test_a_list_of_names_goes_on_through_names_whose_parts_a_middle_dot_joins():
    text = ("自治区人大常委会副主任王明远、李海平、阿布都·热合曼、买买提江·吐尔逊巴克、平志来、王国和，"
            "秘书长赵某参加会议。")
    assert names(text)[:6] == ["王明远", "李海平", "阿布都·热合曼", "买买提江·吐尔逊巴克", "平志来", "王国和"]


def test_a_title_after_a_verb_of_hearing_still_names_the_person():
    assert people("听取了县烟草专卖局局长宋光明及某镇负责人的工作汇报。") == {"宋光明": ["县烟草专卖局局长"]}


def test_assistant_and_board_secretary_are_posts():
    assert names("区委书记助理罗文慧深入某小学调研。") == ["罗文慧"]
    assert names("董事会秘书张天明陪同调研。") == ["张天明"]


def test_rare_surnames_open_names():
    assert names("会上，寸明华副市长通报了全市招商引资情况。") == ["寸明华"]
    assert "冮立新" in names("冮立新当选为市长。")


def test_staff_named_after_their_unit_before_yixing():
    assert names("4月3日，区民政局社区建设指导中心林一方、高兆明一行到某社区调研。") == ["林一方", "高兆明"]


def test_a_list_closed_by_leaders_takes_an_item_the_name_model_doubts():
    assert names("李立国、张吉祥、李红军、侯若兰等县领导在主会场参加会议。") == ["李立国", "张吉祥", "李红军", "侯若兰"]


def test_two_officials_listed_with_a_dot_comma_before_one_verb_are_one_visit_led_by_the_first():
    [ev] = events("4月2日，区委副书记孙一民、区长助理罗文慧深入某小学和某中学，视察规范校建设情况。", "inspection",
                  published=D)
    assert ev.lead == "孙一民" and [p.name for p in ev.participants if p.role == "accompanying"] == ["罗文慧"]


def test_a_group_whose_head_was_named_before_keeps_that_head_when_a_host_attends_later():
    text = ("3月14日，由市安监局局长达一民带队的安全生产督导检查组莅临我县督导检查。"
            "检查组首先实地查看了某石材厂、加油站等部门。"
            "最后，检查组在某乡召开了此次检查工作的反馈意见会，县人大常委会主任邢大海参加了会议。")
    evs = events(text, "inspection", published=D)
    assert [e.lead for e in evs] == ["达一民"]
    assert [s.name for s in evs[0].sites] == ["某石材厂", "加油站"]


def test_a_year_alone_over_a_chronicle_dates_its_days():
    text = ("2008年\n1月\n5—9日 市政协十一届一次会议在市人民文化宫举行。会议通过了工作报告。\n"
            "17日 省政府督导组来溪，对全市就业工作进行专项检查指导。市委常委、秘书长赵一友参加了督导活动。")
    evs = events(text, published=date(2022, 3, 30))
    meetings = [(e.name, e.date) for e in evs if e.type == "meeting"]
    assert meetings == [("市政协十一届一次会议", date(2008, 1, 5))]
    assert [e for e in evs if e.type == "inspection"] == []     # the guest group's host leads nothing


def test_a_meeting_held_and_another_attended_are_two_meetings():
    evs = events("6月29日上午，省长李一鹏在某市主持召开现场办公会并参加开工动员会。", "meeting", published=date(2015, 7, 1))
    assert [e.name for e in evs] == ["现场办公会", "开工动员会"]


def test_named_units_whose_progress_is_seen_are_sites_after_earlier_stops():
    text = ("4月12日，副省长张一民先后来到某园区和某线路改建工程施工现场，详细了解了园区规划情况，"
            "查看了某某国际建材汽配商贸城、某某东部家具建材物流商贸城、某某保税物流中心及综合配套工程的项目施工进度。")
    assert sites(text, published=date(2016, 4, 13))[2:4] == ["某某国际建材汽配商贸城", "某某东部家具建材物流商贸城"]


def test_generic_parts_seen_after_villages_stay_parts():
    text = "7月28日，副县长李一芳先后来到某甲村、某乙村，详细查看了养殖基地、沿线道路、河道等地的防汛安全情况。"
    assert sites(text, published=date(2023, 7, 29)) == ["某甲村", "某乙村"]


def test_a_forestry_district_the_gazetteer_lists_is_the_trips_area_not_a_site():
    [ev] = events("3月15日，分社社长刘一伟一行深入神农架林区进行实地调研。", "inspection", published=date(2023, 3, 20))
    assert [s.name for s in ev.sites] == []


def test_a_byline_line_under_the_last_paragraph_is_its_closing_credit():
    page = ("某某领导小组召开第三次会议\n"
            "6月4日上午，某某领导小组召开第三次会议。区委书记陈一清参加会议。\n"
            "陈一清要求，要增强政治自觉，全面抓好今年各项工作。\n"
            "区领导唐一蛟、吕一飞参加会议。\n"
            "记者:郭一敏 赵一辉\n")
    [a] = segment_page(page, "p.txt", published=date(2021, 6, 5))
    assert a.reporters == ["郭一敏", "赵一辉"] and a.text.rstrip().endswith("参加会议。")
