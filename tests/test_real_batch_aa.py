"""Chronicles, hosts and assigned tasks: one test per class of real text met in batch AA of the real
corpus (county 融媒 centres, city papers, archives' chronicles), on invented articles with invented names."""
from datetime import date

from test_events import events
from test_mentions import people
from test_real_batch_yz import web


def test_a_day_alone_on_its_line_dates_the_item_under_it():
    text = "\n\n".join(["2014年12月大事记", "2015/1/23 16:48:24    来源:  某区档案局", "1日",
                        "国家文物局副局长童一康一行到某区调研文化遗产保护工作。区领导沈一芳陪同调研。", "2日",
                        "某区召开城市环境综合整治工作会议。区委副书记盛一明主持会议。"])
    got = web(text, published=date(2015, 1, 23))
    assert ("inspection", "童一康", date(2014, 12, 1), "1日") in got
    assert ("meeting", "盛一明", date(2014, 12, 2), "2日") in got


def test_a_yearbooks_edition_is_no_period_and_months_as_bare_numbers_over_days():
    text = "\n\n".join(["《某市年鉴》(2019)-大事记", "发布时间:2021/8/6  信息来源:某市史志网", "1",
                        "3日 市委召开换届选举工作交流座谈会。市委副书记陈一平主持会议。",
                        "5日 全市经济工作会议召开，对做好2018年经济工作进行部署。市委副书记、市长宋一继主持会议。", "2",
                        "8日 市委书记徐一颜到某县调研脱贫攻坚工作。"])
    got = web(text, published=date(2021, 8, 6))
    assert [(t, d) for t, _, d, _ in got] == [("meeting", date(2018, 1, 3)), ("meeting", date(2018, 1, 5)),
                                              ("inspection", date(2018, 2, 8))]


def test_a_task_assigned_at_a_meeting_is_no_visit():
    text = ("1月30日,市长赵一伟主持召开市政府第16次常务会议,市委常委、副市长王一亮,市委常委、副市长宿一明出席会议。\n"
            "(二)由市委常委、副市长王一亮牵头,市生态环境中心负责,做好生态环境保护督查督办工作。")
    assert events(text, "inspection", published=date(2023, 1, 31)) == []


def test_hosts_who_call_on_a_group_after_an_ascii_comma_lead_nothing():
    text = ("5月12日至13日，国家防汛抗旱总指挥部副秘书长矫一燕率检查组到我市检查防汛工作。\n"
            "省水利厅厅长苏一增、省气象局局长宋一允陪同检查,市委常委、副市长李一岭看望检查组,副市长陈一资陪同检查。")
    assert [e.lead for e in events(text, "inspection", published=date(2015, 5, 14))] == ["矫一燕"]


def test_dao_opens_no_name():
    text = "8月8日，部分省级老领导到云川市考察指导。省委常委、市委书记对省级老领导到云川考察表示欢迎。"
    assert not any(n.startswith("到") for n in people(text))


def test_two_meetings_one_in_quotes_joined_by_he():
    text = "14日下午，调研组参加了“省老促会老区调研某县汇报会”和某村情况汇报会。"
    got = [e.name for e in events(text, "meeting", published=date(2010, 9, 16))]
    assert got == ["省老促会老区调研某县汇报会", "某村情况汇报会"]


def test_review_credits_in_the_body():
    got = people("最后，调研组还实地调研了某村烟叶产业基地。\n一审:莫一成\n二审:杨一崇三审:张一佳\n来源:某客户端")
    assert {"莫一成", "杨一崇", "张一佳"} <= set(got)


def test_a_leaders_list_goes_on_through_a_name_ending_in_tuan():
    got = people("区委书记张一国，区领导林一霞、郭一强、刘一婷、陈细团、蔡一华、朱一进、张攀等在分会场参加会议。")
    assert {"陈细团", "蔡一华", "朱一进", "张攀"} <= set(got)
