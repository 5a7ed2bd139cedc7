"""Meetings on invented articles (loaders/events/meetings.py): the shapes real papers write them in."""
from datetime import date

from test_events import events

D = date(2021, 5, 12)


def meetings(text, **kw):
    return sorted((e.name, e.date, e.lead) for e in events(text, "meeting", published=kw.pop("published", D), **kw))


def test_two_meetings_held_one_after_the_other_are_two():
    text = "5月11日，县政府党组书记、县长林海涛主持召开县政府党组会议和县政府2021年第9次常务会议。"
    assert meetings(text) == [("县政府2021年第9次常务会议", date(2021, 5, 11), "林海涛"),
                              ("县政府党组会议", date(2021, 5, 11), "林海涛")]
    # 和 joining what is not a meeting's name makes no second meeting
    assert len(meetings("5月11日，县长林海涛主持召开县教育和卫生工作推进会。")) == 1


def test_a_name_may_hold_quoted_words():
    text = "5月10日，我县在政府会议室召开“五一”“端午”期间森林防火工作安排会。副县长王平安出席。"
    assert meetings(text) == [("“五一”“端午”期间森林防火工作安排会", date(2021, 5, 10), None)]


def test_national_meetings_held_one_after_another_at_a_branch_venue():
    text = ("5月10日上午，全国、全省森林草原防灭火工作电视电话会议相继召开。副市长王平安在某市分会场参加会议。"
            "会议结束后，我市立即召开全市森林草原防灭火工作电视电话会议。")
    names = [m[0] for m in meetings(text)]
    assert "全省森林草原防灭火工作电视电话会议" in names and "全市森林草原防灭火工作电视电话会议" in names


def test_at_a_meeting_of_a_bare_kind():
    text = ("5月10日，自治区主席林海涛深入某镇产业园调研。在现场办公会上，有关部门汇报情况，"
            "共同研究工作举措。")
    assert meetings(text) == [("现场办公会", date(2021, 5, 10), None)]
    # 在…召开的X会上: the name after 召开的
    text = "5月10日，在县里召开的全县教育工作座谈会上，县长林海涛讲话。"
    assert [m[0] for m in meetings(text)] == ["全县教育工作座谈会"]


def test_those_who_attend_name_the_meeting():
    text = ("5月10日下午，某集团考察组一行来我市，了解产业布局。市委副书记、市长林海涛出席座谈会。")
    assert meetings(text) == [("座谈会", date(2021, 5, 10), None)]
    # 出席X会议的委员: who they are, no meeting of the day
    text = "5月10日，市委书记林海涛会见了出席某市三届六次会议的港澳委员。"
    assert meetings(text) == []


def test_a_talk_held():
    text = "5月10日，某州与某州在某酒店举行座谈，双方就区域合作达成共识。州长林海涛提出建议。"
    assert meetings(text) == [("座谈", date(2021, 5, 10), None)]


def test_a_related_departments_meeting_is_one_a_first_meeting_spoken_of_is_not():
    text = "5月10日上午，市文明办牵头召开相关部门协调会。副市长王平安到会。"
    assert [m[0] for m in meetings(text)] == ["相关部门协调会"]
    text = ("5月10日，某镇召开基层党组织书记联席会议，这是该镇建立联席会议制度后召开的首次会议。")
    assert [m[0] for m in meetings(text)] == ["基层党组织书记联席会议"]


def test_a_merge_keeps_the_fuller_name():
    text = ("5月10日下午，省政府召开预防溺水工作电视电话会。\n"
            "5月10日下午，省政府召开预防溺水工作电视电话会议，全面部署工作。")
    assert [m[0] for m in meetings(text)] == ["省政府预防溺水工作电视电话会议"]


def test_a_span_up_to_now_inside_a_clause_dates_no_later_sentence():
    text = ("今天，相关省领导分赴各市，看望慰问连日来奋战在防汛一线的干部群众。上午9时，省委书记林海涛一行抵达某市后，"
            "直奔某水文站察看水情，并召开防汛会商会。")
    assert [m[1] for m in meetings(text, published=date(2021, 7, 3))] == [date(2021, 7, 3)]
    # 连日来 heading its clause dates it
    text = "连日来，市长林海涛主持召开防汛调度会，研究部署防汛工作。"
    assert [m[1] for m in meetings(text, published=date(2021, 7, 3))] == [date(2021, 6, 26)]


def test_a_way_of_working_and_meetings_in_several_places_are_none():
    text = ("5月10日至12日，县人大常委会副主任林海涛率组深入某镇、某乡，采取听汇报、实地查看、召开座谈会、"
            "查阅资料等方式，检查某条例的贯彻情况。")
    assert meetings(text) == []
    text = "5月10日，某调研组一行深入某镇、某乡进行实地调研，并分别在两地召开了座谈会。"
    assert meetings(text) == []
    # one meeting at the end of a visit is one
    assert len(meetings("5月10日，某调研组一行深入某镇调研，并在镇政府召开了座谈会。")) == 1


def test_a_list_items_number_is_no_part_of_the_name():
    text = "2.全市某某联动工作推进会召开\n5月10日，全市某某联动工作推进会召开，市委副书记林海涛出席。"
    assert [m[0] for m in meetings(text)] == ["全市某某联动工作推进会"]


def test_a_study_session_keeps_its_year_and_number():
    text = "5月11日，市委理论学习中心组举行2021年第5次集体学习，市委书记林海涛主持。"
    assert meetings(text) == [("市委理论学习中心组2021年第5次集体学习", date(2021, 5, 11), "林海涛")]
    text = "5月11日，市委书记林海涛主持召开市委理论学习中心组（扩大）学习会，专题学习某条例。"
    assert meetings(text) == [("市委理论学习中心组（扩大）学习会", date(2021, 5, 11), "林海涛")]


def test_a_meeting_named_in_the_last_line_is_of_the_articles_one_day():
    text = ("5月10日，市委书记林海涛会见了来访的港澳委员。\n林海涛感谢大家多年来的支持。\n"
            "市政协副主席王平安、周立新参加座谈会。")
    assert meetings(text) == [("座谈会", date(2021, 5, 10), None)]
    # a meeting decided on is to come, no meeting of the day
    text = "5月10日，会议表决通过了关于召开市人民代表大会第六次会议的决定。"
    assert meetings(text) == []


def test_more_forms_of_a_meeting_held():
    for text in ("全市安全生产工作会议于5月10日召开。市长林海涛出席并讲话。",
                 "5月10日，市长林海涛在全市安全生产工作会议上强调，要压实责任。"):
        assert meetings(text) == [("全市安全生产工作会议", date(2021, 5, 10), None)], text
    # 在X会议上强调的: a reference to what was said, no meeting of the day
    assert meetings("5月10日，某局传达学习林海涛在全省安全生产工作会议上强调的要求。") == []
    # two meetings listed with 、
    text = "5月10日，县长林海涛主持召开县政府党组会议、第10次常务会议。"
    assert [m[0] for m in meetings(text)] == ["县政府党组会议", "第10次常务会议"]


def test_a_plenary_session_discussed_in_groups_is_held():
    text = "2021年5月10日下午，市委三届六次全体会议分组讨论第二组会议室内气氛热烈。"
    assert [m[:2] for m in meetings(text)] == [("市委三届六次全体会议", date(2021, 5, 10))]
