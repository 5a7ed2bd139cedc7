"""Hosts who receive a party, verbs inside a section's name, party heads and signatures on pages: one test
per class of real text met in batch AF of the real corpus, on invented articles with invented names."""
from datetime import date

from loaders.pipeline import extract_text
from test_events import events
from test_mentions import people


def test_a_host_who_receives_the_party_leads_none_of_its_visits():
    text = ("5月8日，由校长助理、教务处处长韦一冬带队，一行6人赴甲机床厂、乙学院进行学习调研。\n"
            "甲机床厂工学院覃一学校长热情接待了我校考察团一行，考察中，双方就学科建设进行了交流。\n"
            "下午，我校考察团一行来到乙学院，乙学院副校长蒙一燕大力支持和热情接待，双方对乙学院的实训中心进行了参观考察。")
    assert {e.lead for e in events(text, "inspection", published=date(2019, 5, 10))} == {"韦一冬"}


def test_an_inspection_verb_inside_a_sections_name_is_no_visit():
    text = ("4月23日，某市供销社党组书记、理事会主任覃一涛一行赴某县调研农资保供等工作。某县委副书记蒙一波、"
            "市供销社合作指导科一级主任科员黎一蕊，县供销社理事会主任韦一重等陪同调研。")
    assert [e.lead for e in events(text, "inspection", published=date(2024, 4, 25))] == ["覃一涛"]


def test_yue_as_a_given_names_first_character():
    assert "覃月芳" in people("市委常委、市委宣传部部长覃月芳，市委常委、市委秘书长蒙一光参加会见。")
    assert not any("月" in n for n in people("5月底，市委书记蒙一光到某县调研。"))


def test_a_post_whose_last_character_makes_a_word_with_the_next_and_a_reporter_of_a_station():
    text = "他表示，对某台甘肃总站长期以来的关注表示感谢，希望某台甘肃总站的记者多来定西。"
    assert not people(text)


def test_guanyu_closes_a_word_before_a_name_and_its_honorific():
    assert set(people("审议通过了《关于蒙猛同志任职的决定(草案)》。")) == {"蒙猛"}


def test_a_bare_name_heading_a_party():
    assert "韦泽欣" in people("9月15日至22日，县政协开展交叉视察活动。9月15日，韦泽欣一行首先来到甲镇，参观了甲村村部。")


def test_a_party_listed_before_its_move_made_a_visit_by_the_companions_sentence():
    text = ("8月16日至17日，民盟某大学委员会某总支主委覃一祥、副主委蒙一江、委员黎一军等一行赴某市开展助力乡村振兴工作，"
            "并参加某市政协某镇工作委员会专题协商活动。某镇党委书记韦一涛等陪同调研。")
    evs = events(text, published=date(2023, 8, 18))
    assert [e.lead for e in evs if e.type == "inspection"] == ["覃一祥"]
    assert not [e for e in evs if e.type == "meeting"]


def test_a_signature_line_on_a_page_is_no_title():
    page = ("市县新闻\n\n 甲县牡丹文化旅游节开幕\n  本报讯\n4月18日，牡丹文化旅游节活动在甲县景区启动。\n\n(马一聪)\n\n\n"
            "  乙县开启订单式种植模式\n  本报讯\n日前，乙县丙镇丁村与一家酒厂签订了高粱种植购销协议。\n\n(覃一玮 鲍一翊)\n")
    titles = [a.article.title for a in extract_text(page, issue_date=date(2017, 4, 20), layout="page")]
    assert not any(t and t.startswith("(") for t in titles)
    assert "乙县开启订单式种植模式" in titles
