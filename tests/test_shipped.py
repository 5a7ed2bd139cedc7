"""Package data is read in place: a dictionary that jionlp ships zipped reads the same as unzipped."""
import zipfile

from loaders.shipped import jionlp_dictionary, open_text


def test_open_text_reads_a_zip_member_like_the_file(tmp_path):
    txt = tmp_path / "words.txt"
    txt.write_text("甲\t1\n乙\t2\n", encoding="utf-8")
    zp = tmp_path / "words.zip"
    with zipfile.ZipFile(zp, "w") as z:
        z.write(txt, "words.txt")
    with open_text(txt) as a, open_text(zp) as b:
        assert list(a) == list(b) == ["甲\t1\n", "乙\t2\n"]


def test_jionlp_gazetteer_and_idf_are_found():
    for name in ("china_location", "idf"):
        p = jionlp_dictionary(name)
        assert p.suffix in (".txt", ".zip") and p.exists()
