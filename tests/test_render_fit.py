"""Issue 13 point 4 and issue 10's thin CLI: tables fit $COLUMNS (CJK counted as two columns, cut
cells end in …), --wide keeps everything, --columns picks; whole-output tests of table, markdown, csv."""
from __future__ import annotations

from click.testing import CliRunner

from kb import render
from kb.commands._options import emit, format_options, render_rows

ROWS = [
    {"date": "2020-03-06", "person": "王建国", "sites": "江城市第一人民医院、江城高新区管委会、江城市疾病预防控制中心",
     "article": "王建国调研企业复工复产和疫情防控工作时强调"},
    {"date": "2020-03-07", "person": "赵丽", "sites": "西山县人民医院", "article": "短标题"},
]


def test_table_whole_output():
    assert render.table(ROWS[1:]) == (
        "date        person  sites           article\n"
        "----------  ------  --------------  -------\n"
        "2020-03-07  赵丽    西山县人民医院  短标题")


def test_table_fits_the_width_with_ellipsis():
    for w in (60, 80, 100):
        out = render.table(ROWS, max_width=w)
        lines = out.splitlines()
        assert all(render.width(l) <= w for l in lines), (w, out)
        assert "…" in out                                   # something was cut …
        assert "2020-03-06" in out and "王建国" in out      # … but not the short columns
    assert render.table(ROWS, max_width=60).splitlines()[2] == (
        "2020-03-06  王建国  江城市第一人民医院…  王建国调研企业复工…")   # 19 + 19 columns
    wide = render.table(ROWS)
    assert "…" not in wide and "江城市疾病预防控制中心" in wide


def test_truncate_counts_cjk_as_two():
    assert render.truncate("江城市第一人民医院", 7) == "江城市…"
    assert render.width(render.truncate("江城市第一人民医院", 8)) <= 8
    assert render.truncate("abc", 3) == "abc"


def test_markdown_and_csv_whole_output():
    assert render_rows(ROWS[1:], "markdown") == (
        "| date | person | sites | article |\n| --- | --- | --- | --- |\n"
        "| 2020-03-07 | 赵丽 | 西山县人民医院 | 短标题 |\n")
    assert render_rows(ROWS[1:], "csv") == "date,person,sites,article\n2020-03-07,赵丽,西山县人民医院,短标题\n"
    assert render_rows([], "csv", ["date", "person"]) == "date,person\n"
    assert render_rows(ROWS[1:], "jsonl") == (
        '{"date": "2020-03-07", "person": "赵丽", "sites": "西山县人民医院", "article": "短标题"}\n')


def _cmd():
    import click

    @click.command()
    @format_options()
    def cmd(fmt, output, wide, columns):
        emit(ROWS, fmt, output, columns=columns, wide=wide, total=5, count=True)
    return cmd


def test_emit_fits_columns_wide_and_picks_columns():
    runner = CliRunner()
    res = runner.invoke(_cmd(), [], env={"COLUMNS": "70"})
    assert res.exit_code == 0
    table = [l for l in res.stdout.splitlines()]
    assert all(render.width(l) <= 70 for l in table) and "…" in res.stdout
    assert "kb: first 2 of 5 rows, --limit to change" in res.stderr       # never a silent cap
    res = runner.invoke(_cmd(), ["--wide"], env={"COLUMNS": "70"})
    assert "…" not in res.stdout and "江城市疾病预防控制中心" in res.stdout
    res = runner.invoke(_cmd(), ["--columns", "person,date", "--format", "csv"])
    assert res.stdout == "person,date\n王建国,2020-03-06\n赵丽,2020-03-07\n"
    res = runner.invoke(_cmd(), ["--columns", "nope"])
    assert res.exit_code == 2 and "no column 'nope'" in res.output
