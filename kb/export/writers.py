"""Table writers: csv, tsv, jsonl, parquet and Stata .dta, fed rows in chunks.

Every writer takes the table's columns (name, type) up front, so an empty export still carries its
header (csv/tsv), its schema (parquet) or its variables (dta). Types: ``string``, ``int``, ``date``,
``bool``. csv, tsv, jsonl and parquet stream (parquet writes one row group per chunk); Stata has no
streaming writer in pandas, so ``dta`` holds the table in memory (fine for a few hundred thousand rows).
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date

from ..errors import KbError

FORMATS = ["csv", "tsv", "jsonl", "parquet", "dta"]
BINARY = {"parquet", "dta"}


class ExportError(KbError):
    """An export cannot be written (a format needs a file, a library is missing …)."""


def _text(v, typ: str) -> str:
    if v is None:
        return ""
    if typ == "bool":
        return "true" if v else "false"
    if isinstance(v, date):
        return v.isoformat()
    return str(v)


def _json(v):
    return v.isoformat() if isinstance(v, date) else v


class DelimitedWriter:
    """csv (comma) or tsv (tab); RFC 4180 quoting where a cell needs it; ``bom`` for Excel."""

    def __init__(self, fh, columns, delimiter=",", bom=False):
        self.fh, self.columns = fh, columns
        if bom:
            fh.write("\ufeff")
        self.w = csv.writer(fh, delimiter=delimiter, lineterminator="\n")
        self.w.writerow([c for c, _ in columns])

    def write(self, rows):
        self.w.writerows([[_text(r.get(c), t) for c, t in self.columns] for r in rows])

    def close(self):
        self.fh.flush()


class JsonlWriter:
    def __init__(self, fh, columns):
        self.fh, self.names = fh, [c for c, _ in columns]

    def write(self, rows):
        self.fh.write("".join(json.dumps({c: _json(r.get(c)) for c in self.names}, ensure_ascii=False) + "\n"
                              for r in rows))

    def close(self):
        self.fh.flush()


class ParquetWriter:
    """One row group per chunk: memory stays at one chunk, whatever the table's size."""

    def __init__(self, sink, columns):
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"string": pa.string(), "int": pa.int64(), "date": pa.date32(), "bool": pa.bool_()}
        self.pa, self.names = pa, [c for c, _ in columns]
        self.schema = pa.schema([(c, types[t]) for c, t in columns])
        self.w = pq.ParquetWriter(sink, self.schema, compression="zstd")

    def write(self, rows):
        if rows:
            cols = {c: [r.get(c) for r in rows] for c in self.names}
            self.w.write_table(self.pa.table(cols, schema=self.schema))

    def close(self):
        self.w.close()


class StataWriter:
    """Stata 14+ (format 118: UTF-8 strings, so Chinese survives); dates as %td."""

    def __init__(self, path, columns):
        self.path, self.columns, self.rows = path, columns, []

    def write(self, rows):
        self.rows.extend(rows)

    def close(self):
        import pandas as pd

        data = {}
        for c, t in self.columns:
            vals = [r.get(c) for r in self.rows]
            if t == "string":
                data[c] = pd.Series(["" if v is None else str(v) for v in vals], dtype=object)
            elif t == "date":
                data[c] = pd.to_datetime(pd.Series([v.isoformat() if v else None for v in vals], dtype=object))
            elif t == "bool":
                data[c] = pd.Series([None if v is None else int(bool(v)) for v in vals], dtype="float64")
            elif None not in vals and all(-2**31 < v < 2**31 for v in vals):
                data[c] = pd.Series(vals, dtype="int32")      # Stata long
            else:
                data[c] = pd.Series([None if v is None else v for v in vals], dtype="float64")
        df = pd.DataFrame(data, columns=[c for c, _ in self.columns])
        dates = {c: "td" for c, t in self.columns if t == "date"}
        df.to_stata(self.path, write_index=False, version=118, convert_dates=dates)


def open_writer(fmt: str, columns, output=None, stdout=None, bom: bool = False):
    """A writer for ``fmt`` on ``output`` (a path) or ``stdout`` (a text stream); returns
    (writer, closer) where closer() finishes the file."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "dta":
        if not output:
            raise ExportError("Stata .dta needs a file", hint="add -o FILE.dta")
        w = StataWriter(output, columns)
        return w, w.close
    if fmt == "parquet":
        if not output:
            raise ExportError("parquet needs a file", hint="add -o FILE.parquet")
        w = ParquetWriter(str(output), columns)
        return w, w.close
    fh = open(output, "w", encoding="utf-8", newline="") if output else (stdout or io.StringIO())
    w = (JsonlWriter(fh, columns) if fmt == "jsonl"
         else DelimitedWriter(fh, columns, delimiter="\t" if fmt == "tsv" else ",", bom=bom))

    def close():
        w.close()
        if output:
            fh.close()
    return w, close
