"""Name lists, references and background days: one test per class of real text met in batch AB of the
real corpus (county 融媒 centres, city papers, province leaders), on invented articles with invented names."""
from datetime import date

from test_events import events
from test_mentions import people


def test_a_long_bare_list_with_one_name_the_model_doubts():
    text = ("会议强调，要推动发展。\n车一书、王一禄、杜一毫、李一芝、丁如垠、赵一非、黄一盛、宋一鸣、徐一洲、张一廉出席会议。")
    assert {"丁如垠", "赵一非", "张一廉"} <= set(people(text))


def test_a_list_before_national_ministries_is_of_people():
    text = "深化部省合作。马一伟、黄一明、肖一庆、怀一鹏、郝一鹏等国家部委主要领导同志参加。"
    assert {"马一伟", "怀一鹏", "郝一鹏"} <= set(people(text))


def test_flood_victims_named_in_their_homes():
    text = "盟委书记云一顺赶到受灾群众祁一宝、李一文、王一民家中，查看灾情、看望慰问。"
    assert {"祁一宝", "李一文", "王一民"} <= set(people(text))


def test_the_spirit_of_a_visit_passed_on_at_a_meeting_is_no_visit():
    text = "6月26日，区政协主席廖一丽主持召开区政协主席会议，传达市政协主席唐一裕来本区调研活动精神。"
    assert events(text, "inspection", published=date(2023, 6, 27)) == []


def test_a_storms_day_does_not_date_the_visit_after_it():
    text = ("8月11日至12日，盟委书记云一顺到某旗，就洪涝受灾救灾情况进行深入调研。\n"
            "8月9日夜晚，某地出现20年来最强短时强降雨天气，引发山洪暴发，造成街道严重受损。云一顺来到受灾群众"
            "祁一宝家中，查看灾情、看望慰问。")
    assert [(e.lead, e.date) for e in events(text, "inspection", published=date(2015, 8, 14))] == [
        ("云一顺", date(2015, 8, 11))]


def test_ru_opens_no_name():
    text = ("驻村的标准配置，即问事记录本和“千名干部大走访服务群众”入户调查表。问事记录本，一家一本，由村民保存，"
            "如实记录县乡驻村干部入户走访座谈、服务群众工作情况，驻村人员在每次入户走访时登记签字。")
    assert "入户" not in people(text)
    assert events(text, "inspection", published=date(2014, 8, 20)) == []
