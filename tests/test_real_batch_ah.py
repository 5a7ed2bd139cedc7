"""Leads who go their own ways, a division before its head's post, speech that calls for a group, 报道
datelines and companions who do not lead a later verb: one test per class of real text met in batch AH of
the real corpus, on invented articles with invented names."""
from datetime import date

from loaders.pipeline import extract_text
from test_events import events
from test_mentions import people


def test_leads_severally_each_to_the_site_of_the_same_rank():
    text = ("6月29日，县政协主席覃一久，县政协副主席蒙一新和黎一国分别赴甲镇乙社区、丙乡丁社区、戊镇己社区"
            "慰问困难党员。")
    got = {e.lead: [s.name for s in e.sites] for e in events(text, "inspection", published=date(2018, 6, 30))}
    assert got == {"覃一久": ["甲镇乙社区"], "蒙一新": ["丙乡丁社区"], "黎一国": ["戊镇己社区"]}


def test_a_division_before_the_post_that_heads_it_is_no_name():
    assert not people("3月15日，甘西州副州长阿朵到甲公司调研，详细了解企业生产经营情况。")


def test_a_list_item_ending_in_nian():
    assert {"田洪年", "魏一海"} <= set(people("市领导田洪年、魏一海出席会议。"))


def test_a_group_a_speech_calls_for_is_no_visit_of_the_next_sentences_names():
    text = ("8月7日，县委书记覃一平带队调研强边固防工作。覃一平强调，要及时组建防汛督导组，深入各乡(镇)实地调研督导"
            "防汛救灾准备情况。\n县委副书记蒙一昌，县委常委、副县长黎一春等参加调研。")
    assert [e.lead for e in events(text, "inspection", published=date(2023, 8, 8))] == ["覃一平"]


def test_a_dateline_closed_by_baodao_dates_the_report_not_the_visit():
    text = "某网某站1月8日报道  1月7日下午，某市副市长覃一清到甲工业园调研，某县副县长蒙一江等陪同调研。"
    [ev] = events(text, "inspection", published=date(2015, 1, 8))
    assert ev.date == date(2015, 1, 7)


def test_a_companion_named_with_a_companions_verb_leads_no_later_verb_of_the_sentence():
    text = ("1 月21日 ,某州开发区经济发展局副局长覃一琪,率开发区甲公司、乙公司等10家企业投资经贸考察团一行,首站到我县"
            "考察投资项目。详细了解招商政策,实地察看投资项目环境。\n某州开发区投资经贸考察团一行,由某华县委常委蒙一松、"
            "县招商和经济合作局等有关部门领导陪同考察了该县丙大厦、县经济开发区丁厅参观考察,并分别听取了情况介绍。")
    [a] = extract_text(text, issue_date=None, layout="web")
    assert [e.lead for e in a.events if e.type == "inspection"] == ["覃一琪"]
