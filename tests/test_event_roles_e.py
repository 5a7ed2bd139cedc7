"""Inspection leads and sites, one test per class of real text (batch E of the real corpus), on invented
articles with invented names (loaders/events/*)."""
from datetime import date

from test_events import events

D = date(2025, 12, 12)


def leads(text, published=D):
    return sorted((e.lead, e.date) for e in events(text, "inspection", published=published))


def test_a_list_that_takes_part_in_a_study_visit_does_not_lead_it():
    text = ("12月9日至10日，甲省乙市市委副书记、市长王大成率党政代表团前来我市学习考察。"
            "乙市领导赵一山、钱二水、孙三木、周四火参加学习考察。")
    assert leads(text) == [("王大成", date(2025, 12, 9))]
