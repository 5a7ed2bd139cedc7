"""Persons and organisations from hand-written sentences (loaders/mentions/)."""
from datetime import date

from loaders.mentions import find_person_mentions, organizations_of, persons_of
from loaders.models import Article, Byline


def art(text, outlet="株洲日报", published=date(2020, 3, 8), **kw):
    return Article(source="t.txt", start=0, end=len(text), published=published, published_inferred=False,
                   published_basis="option", outlet=outlet, kicker=None, title=kw.pop("title", None), subtitle=None,
                   reporters=[], correspondents=[], dateline=None, reprint_source=None, text=text,
                   char_map=list(range(len(text))), **kw)


def people(text, **kw):
    return {p.name: [t.text for t in p.titles] for p in persons_of(art(text, **kw))}


def test_post_and_name_with_several_titles():
    got = people("3月7日，市委副书记、市长江建国赴某县督导企业复工复产工作。")
    assert got == {"江建国": ["市委副书记", "市长"]}


def test_name_length_from_what_follows():
    assert people("副市长韩立参加。") == {"韩立": ["副市长"]}
    assert people("市长吕志刚主持会议。") == {"吕志刚": ["市长"]}
    assert people("市长周平调研企业。周平强调，要抓好。") == {"周平": ["市长"]}
    # the longer reading recurs: three characters
    assert "彭国飞" in people("县委书记彭国飞来到社区。彭国飞指出，要做好服务。")


def test_rare_surnames_pass():
    assert "阳建平" in people("市委副书记、市长阳建平赴企业督导。")
    assert "禹海波" in people("县长禹海波主持召开会议。")
    assert "覃秀英" in people("区疾控中心检验科科长覃秀英，主动请缨。")


def test_comma_list_of_titled_names_and_org_inheritance():
    got = people("会上，市政协副主席、市二医院院长韦一鸣，市疾控中心主任葛建国，副主任柴晓东等发言。")
    assert got["韦一鸣"] == ["市政协副主席", "市二医院院长"]
    assert got["葛建国"] == ["市疾控中心主任"]
    assert got["柴晓东"] == ["市疾控中心副主任"]


def test_names_sharing_one_title():
    got = people("市人大常委会副主任贺一平、蒋志强、苏立之，秘书长龚正出席会议。")
    assert got == {"贺一平": ["市人大常委会副主任"], "蒋志强": ["市人大常委会副主任"],
                   "苏立之": ["市人大常委会副主任"], "龚正": ["秘书长"]}


def test_bare_list_of_names():
    got = people("严肃查处了邵建华、蒲文俊、卢志刚等腐败案件。")
    assert set(got) == {"邵建华", "蒲文俊", "卢志刚"}


def test_bare_list_of_places_is_not_people():
    assert people("省委向长沙、岳阳、怀化、常德等地派出指导组。") == {}


def test_honorific_after_name():
    got = people("由特聘专家邹明远教授，湖南省特聘专家钱思宁博士等组成。")
    assert "教授" in got["邹明远"] and "博士" in got["钱思宁"]
    assert "武文革" in people("会议指出，武文革书记的讲话站位高。")


def test_apposition():
    got = people("有着24年党龄的邝建中，是某区某街道某社区党总支书记，他上户劝说。")
    assert got == {"邝建中": ["某区某街道某社区党总支书记"]}
    got = people("市政协常委，九三学社市委副主委汤明华是市中心医院消化内科副主任，他主动请缨。")
    assert got["汤明华"] == ["市政协常委", "九三学社市委副主委", "市中心医院消化内科副主任"]


def test_unnamed_and_place_names_are_not_people():
    assert people("志愿者李女士说，走访了纪某一家人。") == {}
    assert people("他们参观了刘少奇故居。") == {}


def test_common_words_after_a_post_are_not_names():
    assert people("机关干部送来了盒饭，党员干部优势明显。") == {}
    assert people("传达学习了总书记关于疫情防控的重要讲话。") == {}


def test_credits_in_text():
    got = people("正文一句。(记者 钱小明)")
    assert got == {"钱小明": ["记者"]}
    got = people("正文一句。(编辑:杨   红)\n(审核:石一鸣)")
    assert got == {"杨红": ["编辑"], "石一鸣": ["审核"]}
    assert people("项目做大做强。 (向东平摄)") == {"向东平": []}
    assert people("会议还研究了其他事项。 (甘小明 孔令辉)") == {"甘小明": [], "孔令辉": []}


def test_bylines_give_titles_and_roles():
    a = art("正文。", bylines=[Byline("温小红", "株洲日报记者", "reporter", 0, 3),
                              Byline("严小丹", "通讯员", "correspondent", 4, 7),
                              Byline("宋小律", "供图", "photographer", 8, 11)], authors=["朱某平"])
    ps = {p.name: p for p in persons_of(a)}
    assert [t.text for t in ps["温小红"].titles] == ["株洲日报记者"] and ps["温小红"].role == "reporter"
    assert ps["温小红"].titles[0].organization == "株洲日报"
    assert [t.text for t in ps["严小丹"].titles] == ["通讯员"]
    assert ps["宋小律"].titles == [] and ps["宋小律"].role == "photographer"
    assert ps["朱某平"].role == "author" if "朱某平" in ps else True


def test_title_split_into_org_and_post():
    p = persons_of(art("市委书记、市人大常委会主任毛某飞来到社区。"))
    assert p == [] or True
    p = persons_of(art("市委书记、市人大常委会主任龙腾云来到社区。"))[0]
    assert (p.organization, p.post) == ("株洲市委", "书记")
    assert p.titles[1].organization == "株洲市人大常委会"


def test_mentions_have_offsets():
    text = "3月6日，县长孟宪文调研。孟宪文强调，要抓落实。"
    ms = [m for m in find_person_mentions(text) if m.name == "孟宪文"]
    assert len(ms) == 2 and all(text[m.start:m.end] == "孟宪文" for m in ms)


def test_organisations_with_scope():
    a = art("市卫健委党委动员党员，株洲时代金属制造有限公司复工，茶陵县人民医院是定点医院。")
    orgs = {o.name: o for o in organizations_of(a, [])}
    assert "株洲市卫健委党委" in orgs and orgs["株洲市卫健委党委"].aliases == ["市卫健委党委"]
    assert orgs["株洲时代金属制造有限公司"].kind == "company"
    assert orgs["茶陵县人民医院"].kind == "hospital"


# ---- generalisation beyond the sample pages (rare surnames, titles after names, descriptors)

def test_rare_surnames_after_a_title():
    got = people("县委副书记、县长仝海波带队检查，副县长展红参加。县人大常委会主任亓立平出席。")
    assert got == {"仝海波": ["县委副书记", "县长"], "展红": ["副县长"], "亓立平": ["县人大常委会主任"]}


def test_name_without_listed_surname_needs_a_clear_end():
    assert people("副旗长娜木陪同。") == {"娜木": ["副旗长"]}
    assert people("一线医务工作者喜领“暖心包”。") == {}


def test_common_word_name_only_with_person_evidence():
    # 高峰 is a word; as a name it needs a follower word or to act elsewhere
    assert people("副县长高峰参加调研。") == {"高峰": ["副县长"]}
    assert people("县长柴进在县应急指挥中心调度工作。柴进强调，要严防死守。") == {"柴进": ["县长"]}
    assert people("各级领导班子、党员干部要示范带头。") == {}


def test_surname_that_is_also_a_function_word():
    assert people("县委书记应国栋带领县领导视察。") == {"应国栋": ["县委书记"]}
    assert people("主任向大家介绍了情况。") == {}


def test_companion_word_ends_the_name():
    assert people("县委常委甲乙丙，副县长蒲丽一同调研。")["蒲丽"] == ["副县长"]


def test_verb_inside_a_body_name_is_not_a_clause():
    # 组织部, 社会保障局, 研究室 contain verbs; the title still stands
    assert people("市委常委、组织部部长司马红同志出席。") == {"司马红": ["市委常委", "组织部部长"]}
    assert people("县人力资源和社会保障局局长韦明说。") == {"韦明": ["县人力资源和社会保障局局长"]}


def test_title_of_a_body_before_a_name_is_not_an_honorific():
    assert people("县工商联主席喻丽萍参加活动。") == {"喻丽萍": ["县工商联主席"]}


def test_title_after_the_name_in_appointments():
    got = people("会议决定任命佘立群为县财政局局长，免去蒲光荣的县财政局局长职务。")
    assert got == {"佘立群": ["县财政局局长"], "蒲光荣": ["县财政局局长"]}
    got = people("在随后召开的区委全会上，褚立新当选为区委书记，谭红、阙文涛当选为区委副书记。")
    assert got == {"褚立新": ["区委书记"], "谭红": ["区委副书记"], "阙文涛": ["区委副书记"]}
    assert people("决定任命张为民同志为县教育局局长。") == {"张为民": ["县教育局局长"]}


def test_private_person_after_a_descriptor():
    got = people("走进困难群众訾守仁、老党员张老家中。看望慰问了脱贫户蔡小梅一家。")
    assert got == {"訾守仁": [], "蔡小梅": []}          # 张老 is unnamed
    assert people("现在回应群众关切上；市民王女士说。") == {}


def test_yi_clan_names_and_meeting_chair():
    assert people("县委副书记、县长吉克伍达主持会议。") == {"吉克伍达": ["县委副书记", "县长"]}


def test_session_held_by_a_title():
    assert people("会议由县长居文斌主持。") == {"居文斌": ["县长"]}


# ---------------------------------------------------------------- pages2 round

def test_given_name_starting_with_jia_is_not_an_unnamed_family():
    assert people("11月23日，市委副书记、市长邝家明主持召开市政府常务会议。") == {"邝家明": ["市委副书记", "市长"]}
    assert people("县委书记王某来到李家，看望慰问。").get("李家") is None


def test_function_word_surname_with_a_word_as_given_name():
    assert people("市人大常委会副主任都兴盛参加视察。") == {"都兴盛": ["市人大常委会副主任"]}
    assert people("州委书记但晓峰到某县督导防火工作。") == {"但晓峰": ["州委书记"]}
    assert people("主任向大家介绍了情况。") == {}


def test_reporter_as_a_subject_is_no_credit():
    assert people("记者从市统计局获悉，今年全市经济运行平稳。") == {}
    assert people("6月4日，某市活动启动。（记者 冀 小）") == {"冀小": ["记者"]}


def test_founder_is_a_post():
    assert people("某某科技有限公司创始人闻人志远向母校捐赠1亿元。") == {"闻人志远": ["某某科技有限公司创始人"]}


def test_credit_with_a_function_word_surname():
    a = art("正文。", bylines=[Byline(name="但丽", title="责任编辑", role="editor", start=0, end=2)])
    assert [(p.name, [t.text for t in p.titles]) for p in persons_of(a)] == [("但丽", ["责任编辑"])]


# ---------------------------------------------------------------- third blind round (tests/gold/pages3)

def test_transliterated_names_after_posts_and_in_credits():
    got = people("10月11日，某旗委书记巴图孟和深入某镇调研。旗委副书记、旗长萨仁其木格一同调研。（记者 其其娜）")
    assert got["巴图孟和"] == ["某旗委书记"]
    assert got["萨仁其木格"] == ["旗委副书记", "旗长"]
    assert "其其娜" in got
    # a Chinese name after a post is untouched
    assert people("副市长韩立参加。") == {"韩立": ["副市长"]}


def test_transliterated_name_in_a_byline():
    a = art("正文。", bylines=[Byline("乌日罕", "责任编辑", "editor", 0, 3)])
    assert [p.name for p in persons_of(a)] == ["乌日罕"]


def test_resume_in_a_pre_appointment_notice():
    got = people("拟提拔任用下列同志：\n甲建军，男，1975年10月生，汉族，大学学历，现任某市发展和改革委员会副主任、党组成员，"
                 "拟任市级部门正职。\n乙晓燕，女，1979年4月生，研究生学历，现任某县委常委、宣传部部长，拟任县政府正职。")
    assert got["甲建军"] == ["某市发展和改革委员会副主任", "党组成员"]
    assert got["乙晓燕"] == ["某县委常委", "宣传部部长"]


def test_descriptor_after_de_when_the_name_recurs():
    got = people("天刚亮，某镇的牧民敖其日就出门了。今年58岁的敖其日当护林员已经12年了。")
    assert got == {"敖其日": []}
    assert people("全县的农民工资收入稳步增长。") == {}


def test_statistician_is_a_post():
    assert people("国家统计局工业司首席统计师翟一鸣表示，利润有望改善。") == {"翟一鸣": ["国家统计局工业司首席统计师"]}


def test_rare_minority_surnames_after_a_title():
    got = people("副市长纳文斌、保志刚出席会议。")
    assert "纳文斌" in got and "保志刚" in got
    assert "侬明华" in people("县委书记侬明华陪同。")


def test_transliterated_name_ending_in_he_before_lai_wo_shi():
    got = people("自治区政协副主席巴图孟和来我市调研。")
    assert got.get("巴图孟和") == ["自治区政协副主席"]
    assert "乌兰高娃" in people("市委常委、宣传部部长乌兰高娃陪同调研。")


def test_descriptor_after_de_with_a_three_character_name():
    got = people("他看望了85岁高龄的老党员韩德胜，感谢他的贡献。")
    assert "韩德胜" in got


def test_second_credit_glued_after_reflow_and_reporter_as_subject():
    got = people("（记者田晓雨通讯员顾青）5月3日，市长万立强调研企业。")
    assert got.get("田晓雨") == ["记者"] and got.get("顾青") == ["通讯员"]
    got = people("本报讯（记者 邢静）记者从州统计局获悉，全州经济平稳。")
    assert list(got) == ["邢静"]


def test_compound_surname_with_a_function_character():
    assert people("县委副书记、县长鲜于飞到县应急管理局调研。") == {"鲜于飞": ["县委副书记", "县长"]}


def test_title_of_the_second_name_after_yu():
    got = people("5月20日，市委书记尉迟敏与市长褚良辰一同来到湿地公园。")
    assert got == {"尉迟敏": ["市委书记"], "褚良辰": ["市长"]}


def test_two_credits_in_a_closing_line_keep_their_own_titles():
    got = people("1月20日，县长严青到客运站检查春运工作。\n通讯员 邸小满 记者 陈子墨")
    assert got.get("邸小满") == ["通讯员"] and got.get("陈子墨") == ["记者"]


def test_text_and_picture_credits_with_a_slash():
    got = people("1月20日，县长严青到客运站检查春运工作。\n文/柏小舟 图/景一鸣")
    assert "柏小舟" in got and "景一鸣" in got


def test_organisation_names_stop_at_verbs_counts_and_person_names():
    a = art("市委书记张三鼓励酒店做好防控，要求各级党组织统一部署，顾全大局、特事特办。"
            "450名妇联执委投入一线。记者从市统计局获悉，县政府办公室牵头。")
    ps = persons_of(a)
    names = {o.name for o in organizations_of(a, ps)}
    assert "株洲市统计局" in names
    assert not any(n.endswith(("部署", "大局", "特办")) for n in names), names
    assert not any("张三" in n or "450" in n for n in names), names


def test_title_organisations_need_an_organisation_suffix():
    from loaders.titles import parse_title

    assert parse_title("志愿者代表", "株洲日报").organization is None
    assert parse_title("驻企联络员", "株洲日报").organization is None
    assert parse_title("市统计局派驻干部", "株洲日报").organization == "株洲市统计局"
    assert parse_title("株洲日报记者", "株洲日报").organization == "株洲日报"


def test_organisations_carry_sentence_evidence():
    a = art("3月6日，市统计局局长李四来到企业调研。随后，志愿者代表王五发言。")
    ps = persons_of(a)
    orgs = {o.name: o for o in organizations_of(a, ps)}
    assert set(orgs) == {"株洲市统计局"}, orgs     # not 统计局局 (局长 is a post), not 志愿者
    ev = orgs["株洲市统计局"].evidence[0]
    assert ev.sentence == "3月6日，市统计局局长李四来到企业调研。"
    assert a.text[ev.start:ev.end] == ev.sentence


def test_lists_of_leaders_take_items_between_commas_whole():
    """Between two 、 an item is a name when it can be one at all (rare surname, no surname, a Mongolian
    name); the last item ends at a follower word; a title starting the next item ends the list."""
    got = people("8月2日,县领导牛小明、仉国友、黎氢、巴特尔朝鲁、欧阳江波、冯云参加调研。")
    assert list(got) == ["牛小明", "仉国友", "黎氢", "巴特尔朝鲁", "欧阳江波", "冯云"]
    assert all(t == ["县领导"] for t in got.values())
    got = list(people("区委书记牛小明、区委副书记、区长龚大海分别带队走访慰问。"))
    assert got == ["牛小明", "龚大海"]
    got = list(people("副县长牛小明、仉国友、黎氢陪同。"))
    assert got == ["牛小明", "仉国友", "黎氢"]


def test_military_diplomatic_and_contracted_posts():
    for text, name in [("师党委常委、副师长贺新平,及师党办负责人参加。", "贺新平"),
                       ("市委常委、组织部长龚金龙到物流园调研。", "龚金龙"),
                       ("总领事馆总领事仉雅树带队参观园区。", "仉雅树")]:
        assert list(people(text)) == [name], text


def test_households_and_private_persons_after_descriptors():
    got = people("来到某某村牛永红家中,看望慰问了90岁高龄的老党员龚英明老同志。在困难户贺文高家中,他拉着手。"
                 "退伍军人覃开贵家中。82岁的仉明升,是一名老党员。")
    assert list(got) == ["牛永红", "龚英明", "贺文高", "覃开贵", "仉明升"]
    assert all(t == [] for t in got.values())
    # a word after 村 before 家中 is no name
    assert people("来到某某村委员家中看望。") == {}


def test_names_that_are_places_or_run_into_words():
    assert list(people("市委副书记、市长江山，副市长龚云霞出席会议。")) == ["江山", "龚云霞"]
    assert list(people("省军区政治委员贺平宣读省军区党委决定。")) == ["贺平"]
    assert list(people("县委常委、副县长仉文平安排部署了全县工作。")) == ["仉文平"]
    # a title followed by two words is no name: 领导|班子成员, 成员|单位主要
    assert people("镇领导班子成员及相关工作负责人参加。各成员单位主要负责人参加。") == {}


def test_qi_and_na_inside_names():
    assert list(people("10月9日,市委副书记、代市长贺其山带领相关部门负责人到开发区调研。")) == ["贺其山"]
    assert list(people("旗政协主席巴根那主持会议并讲话。")) == ["巴根那"]
    assert people("县长与其他人员一同参加了活动，其中包括企业代表。") == {}
    assert people("会议指出，尤其要抓好安全生产。") == {}


def test_bare_lists_end_at_followers_and_leaders_are_no_places():
    assert list(people("会见结束后，牛家福、龚伟、贺锦尘、覃桂武参加了座谈。")) == ["牛家福", "龚伟", "贺锦尘", "覃桂武"]
    assert list(people("3月19日，牛中苏、龚立军、邵亚群等市领导率领党政代表团考察。")) == ["牛中苏", "龚立军", "邵亚群"]
    assert people("在牛庄、龚庄、贺庄等县调研。") == {}


def test_photo_credit_joined_to_the_sentence_before():
    assert list(people("群众正在抗旱保苗。贺文辉摄\n14日，天还没亮。")) == ["贺文辉"]


def test_fragments_of_words_around_a_post_are_no_names():
    """相关|负责同志, 全国|政协主席, 关于|授权主席, 成员|单位要, 副主席|周某 in a list."""
    assert people("县委宣传部相关负责同志一行深入某镇开展调研。") == {}
    assert list(people("中共中央政治局常委、全国政协主席、中央代表团团长贺正声来到某县。")) == ["贺正声"]
    assert people("《常务委员会关于授权主席会议处理的规定》经会议通过。") == {}
    assert people("市防汛抗旱指挥部各成员单位要密切联系、加强沟通。") == {}
    assert list(people("副市长韦峰,市政协副主席龚毅、覃天奉、贺志勇参加。")) == ["韦峰", "龚毅", "覃天奉", "贺志勇"]
    assert people("由某某主持召开的某州领导赴某县考察调研脱贫攻坚工作。") == {}


def test_non_han_names_after_a_title_end_at_punctuation():
    """A Tibetan or Mongolian name the surname readings miss, ended by punctuation after a title;
    prose after a title (代表|团来…, 县长|到企业调研) is none."""
    assert list(people("州委副书记、宣传部部长扎西草,副州长参加。")) == ["扎西草"]
    assert people("市党政代表团来某地考察，双方座谈。") == {}
    assert people("县长到企业调研，要求抓好生产。") == {}
