"""Dotted names before 率, prepositions before known names, list classes after 等 and meetings a sentence
opens at: one test per class of real text met in batch AG of the real corpus, on invented articles with
invented names."""
from datetime import date

from test_events import events, sites
from test_mentions import people


def test_a_dotted_name_ends_before_lv():
    text = "12月18日，自治区人大常委会副主任阿不都热合曼·艾力率自治区人大视察调研组在某市开展实地调研。"
    [ev] = events(text, "inspection", published=date(2020, 12, 20))
    assert ev.lead.replace("·", "") == "阿不都热合曼艾力"


def test_a_preposition_before_a_name_found_alone_elsewhere():
    text = ("3月5日上午，某市政协副主席蒙优、市住建局副局长黎一男等一行莅临某项目。"
            "某集团监事会主席覃一东介绍了情况。覃一东主席向蒙优副主席等领导汇报了项目进度。")
    assert "向蒙优" not in people(text) and "蒙优" in people(text)


def test_a_lists_class_after_deng_closes_its_last_item_once_he_is_split_off():
    text = ("2月6日，某厅二级巡视员覃子开带领督查组到某市开展安全综合督查。覃子开一行先深入甲百货、"
            "乙石油有限公司等人员密集场所和重点企业，了解单位生产经营状况。")
    assert sites(text, published=date(2024, 2, 7)) == ["甲百货", "乙石油有限公司"]


def test_a_sentence_opening_at_a_meeting_of_a_kind_named_bare():
    text = "10月18日，市政协副主席邱一明到甲公司调研。座谈会上，邱一明对企业的资源基础予以肯定。"
    assert [(e.name, e.date) for e in events(text, "meeting", published=date(2024, 10, 20))] == \
        [("座谈会", date(2024, 10, 18))]
