"""Inspection sites from invented sentences, one test per class of site the rules read
(loaders/events/sites.py, loaders/events/site_lists.py). Names of people and places are made up."""
from datetime import date

from loaders.events.site_lists import split_sites
from test_events import events


def sites(text, published=date(2021, 5, 20)):
    evs = events(text, "inspection", published=published)
    assert len(evs) == 1, [(e.lead, e.date) for e in evs]
    return [s.name for s in evs[0].sites]


def test_at_opening_lists_every_site_and_a_comma_cut_list_ends_at_dengdi():
    text = ("5月18日，县委书记钱明远到青禾镇调研乡村振兴工作。\n"
            "在青禾镇柳塘村、青禾镇石桥社区，钱明远察看了村容村貌。\n"
            "在东岭乡白沙村、黄土村，西坡乡红叶村，南岗镇等地，钱明远详细了解灾后重建情况。")
    # a township listed among villages is a stop too
    assert sites(text) == ["青禾镇柳塘村", "青禾镇石桥社区", "东岭乡白沙村", "黄土村", "西坡乡红叶村", "南岗镇"]


def test_ascii_punctuation_ends_clauses_and_sentences():
    text = ("5月18日,县长孙立和到青禾镇调研;在青禾镇柳塘村、石桥社区等地,孙立和察看了人居环境整治情况。")
    assert sites(text) == ["青禾镇柳塘村", "石桥社区"]


def test_at_verb_with_ji_gives_both_sites():
    text = "5月18日，副市长周启航在云松滑雪场及白桦滑雪场考察了场地建设情况。"
    assert sites(text) == ["云松滑雪场", "白桦滑雪场"]


def test_list_cut_by_commas_goes_on_to_the_verb():
    text = ("5月18日，县人大常委会副主任吴清和率执法检查组先后来到县人民法院，县人民检察院，"
            "县公安局内设科室、城南派出所、看守所、交警大队及城北中队检查法律实施情况。")
    assert sites(text) == ["县人民法院", "县人民检察院", "县公安局内设科室", "城南派出所", "看守所", "交警大队",
                           "城北中队"]


def test_more_verbs_and_endings():
    text = ("5月18日，区政协主席郑远帆到石湾街道调研，实地走访甲禾机械股份有限公司、江湾市民中心、乙谷数据谷。\n"
            "郑远帆还调研了丙丁橡胶公司、戊己家具大世界等处，抽查了庚辛化工有限公司，参观了壬癸博物馆。")
    assert sites(text) == ["甲禾机械股份有限公司", "江湾市民中心", "乙谷数据谷", "丙丁橡胶公司", "戊己家具大世界",
                           "庚辛化工有限公司", "壬癸博物馆"]


def test_looking_verbs_after_a_site_look_inside_it():
    text = ("5月18日，市长冯子川来到青禾县人民医院检查疫情防控工作。来到这里，冯子川实地走访预检分诊、发热门诊等处。\n"
            "在青禾镇柳塘村，冯子川参观了村史馆。")
    assert sites(text) == ["青禾县人民医院", "青禾镇柳塘村"]


def test_dao_opens_a_clause_of_the_visitor():
    text = ("5月18日，副省长韩志平先后到甲乙野生动物园和丙丁化工园区安全实训基地调研；"
            "到省消防救援总队训保支队指导演练工作；到戊己美食街、庚辛万象城实地检查消防安全工作，"
            "还到市粮食储备库实地察看粮食储备情况。")
    assert sites(text) == ["甲乙野生动物园", "丙丁化工园区安全实训基地", "省消防救援总队训保支队", "戊己美食街",
                           "庚辛万象城", "市粮食储备库"]


def test_group_subject_then_dao():
    text = ("5月18日，民盟市委主委何清远带领调研组赴青禾高新区调研。\n"
            "19日，调研组到青禾高新区甲乙生产基地项目、丙丁电子项目等进行了实地调研。")
    assert sites(text) == ["青禾高新区甲乙生产基地项目", "丙丁电子项目"]


def test_fu_a_site_and_fu_townships_are_areas():
    assert sites("5月18日，市委书记高远山赴青瓷城调研。") == ["青瓷城"]
    text = ("5月18日，市委书记高远山赴柳塘、石桥、白沙等乡镇调研。\n"
            "在石桥乡，高远山先后察看了后洋村的村容村貌和知青纪念馆以及乡便民服务中心。\n"
            "高远山首先察看了柳塘镇区护城河及其周边环境。")
    assert sites(text) == ["后洋村", "知青纪念馆", "乡便民服务中心", "柳塘镇区护城河"]


def test_households_visited():
    text = ("5月18日，县委书记陆海平到青禾镇走访慰问困难群众。陆海平首先来到青禾村刘大勇家中，看望了老党员。\n"
            "在白沙村村民何小梅家中，陆海平询问了生活情况。")
    assert sites(text) == ["青禾村刘大勇家", "白沙村村民何小梅家"]
    text = ("5月18日，县委书记陆海平到青禾街道走访慰问困难群众。陆海平先后来到青禾街道石桥社区，走进困难群众家中。在老党员何大山家中，陆海平拉起了家常。")
    assert sites(text) == ["青禾街道石桥社区"]


def test_sentences_that_open_with_a_site():
    text = ("5月18日，区长唐一鸣率队前往青禾经开区，调研重点企业。\n"
            "甲乙光电有限公司位列全市制造业百强。丙丁特种车有限公司拥有三大类车型。走进两家企业，唐一鸣详细了解生产经营情况。\n"
            "戊己村位于水库保护区内。在进村卡口，唐一鸣仔细检查防控措施。")
    assert sites(text) == ["甲乙光电有限公司", "丙丁特种车有限公司", "戊己村"]


def test_bare_chakan_and_zhiben():
    text = ("5月18日，镇党委书记林江舟带队开展防汛巡查。\n"
            "林江舟一行查看甲乙河(丙段)北侧堤防加固工程现场、丁戊老旧闸站，并到镇防汛物资储备仓库查看物资储备情况。")
    assert sites(text) == ["甲乙河(丙段)北侧堤防加固工程现场", "丁戊老旧闸站", "镇防汛物资储备仓库"]
    text = "5月18日，省委书记林海涛一行抵达青禾后，直奔青禾水文站和南湖大堤，察看出流情况。"
    assert sites(text) == ["青禾水文站", "南湖大堤"]
    text = "5月18日，县长林海涛来到青禾中学，察看办案区、训练场所和生活区。"
    assert sites(text) == ["青禾中学"]


def test_only_townships_listed_are_the_sites():
    text = "近日，区政协主席傅一川到青禾镇、白沙镇、石桥乡等地看望政协委员。"
    evs = events(text, "inspection", published=date(2021, 5, 20))
    assert [s.name for s in evs[0].sites] == ["青禾镇", "白沙镇", "石桥乡"]


def test_generic_words_are_no_sites():
    text = "5月18日，市政协主席蔡一川赴青禾示范区基层社区、高速公路出口等处督导疫情防控工作。"
    assert sites(text) == []
    text = "5月18日，县委书记车一帆前往青禾镇调研。在随后的入户走访中，车一帆与群众交谈。"
    assert sites(text) == []


def test_split_sites_keeps_a_shared_owner_and_splits_placed_pairs():
    assert split_sites("甲药业生产基地和研发总部项目、乙出口游园") == ["甲药业生产基地和研发总部项目", "乙出口游园"]
    assert split_sites("城关镇晓阳村及白鹤镇孙家湾村、石堰河村等重点疫区") == ["城关镇晓阳村", "白鹤镇孙家湾村", "石堰河村"]


def test_bare_diaoyan_names_the_site_of_its_clause():
    assert sites("5月18日下午，副市长罗清远调研青禾樟树坑引水工程，项目部负责人陪同调研。") == ["青禾樟树坑引水工程"]
    # the township is the stop; the topic after 调研 is none
    assert sites("5月18日，副市长罗清远在青禾镇调研企业复工复产情况。") == ["青禾镇"]


def test_list_ending_dengdi_de_and_looking_inside_villages():
    text = ("5月18日，县委副书记李维川先后来到桃源村、杨柳村、西坡村，详细查看了林麝养殖基地、沿线道路、河道等地的防汛安全情况。")
    assert sites(text) == ["桃源村", "杨柳村", "西坡村"]


def test_a_short_item_in_a_list_of_sites():
    text = "5月22日，区政协主席陈一舟赴西渡街道调研，实地走访甲乙机械股份有限公司、浦江第一湾市民中心、谷雨田园。"
    assert sites(text) == ["甲乙机械股份有限公司", "浦江第一湾市民中心", "谷雨田园"]


def test_dui_x_jinxing_names_a_site_not_a_topic():
    text = "5月18日，市委书记徐一帆带领相关部门负责人，对青禾公司迁建项目进行实地调研，并对防汛工作进行检查。"
    assert sites(text) == ["青禾公司迁建项目"]


def test_object_ends_at_canguan_and_xiaqu_opens_it():
    text = ("5月18日，镇党委书记朱一川带领有关部门负责人前往辖区内青禾鲜果坊、甲乙金属制品有限公司、丙丁风能技术有限公司，"
            "重点检查企业安全生产。\n朱一川深入戊己果糖有限公司、庚辛橡胶有限公司生产车间参观。")
    assert sites(text) == ["青禾鲜果坊", "甲乙金属制品有限公司", "丙丁风能技术有限公司", "戊己果糖有限公司",
                           "庚辛橡胶有限公司"]


def test_at_a_shidi_chakan_and_quoted_names_and_diaoyan_after_kaocha():
    text = ("5月18日，市人大常委会副主任丁一帆率调研组抽查了甲乙同位素科技有限公司，在市消防训练基地实地察看训练设施。\n"
            "在丙丁现代农业园区、京东“跑步鸡”养殖基地，丁一帆强调要发展特色种养业。\n"
            "丁一帆还考察了城市实践展示馆，调研戊己电厂遗迹公园、复兴岛，实地踏勘项目选址。")
    assert sites(text) == ["甲乙同位素科技有限公司", "市消防训练基地", "丙丁现代农业园区", "京东“跑步鸡”养殖基地",
                           "城市实践展示馆", "戊己电厂遗迹公园", "复兴岛"]


def test_a_township_after_zai_is_a_stop_unless_a_site_follows():
    text = ("5月18日，副书记严一川到青禾县检查灾后重建工作。\n"
            "在东岭县白沙乡，严一川与当地干部面对面交流；在西坡乡，严一川先后到红叶村、石桥村察看重建情况。")
    assert sites(text) == ["东岭县白沙乡", "红叶村", "石桥村"]


def test_dash_apposition_gives_the_name():
    text = "5月18日，市委书记王一舟率党政代表团首先来到我市的友好县——青禾县，随后来到青禾县甲乙酒业股份有限公司考察。"
    assert sites(text) == ["青禾县甲乙酒业股份有限公司"]


def test_new_endings_do_not_make_common_words_sites():
    assert sites("5月18日，县长王一川深入村庄、农户家中调研。") == []
    assert sites("5月18日，县长王一川来到县城调研交通秩序。") == []


def test_a_workshop_with_a_modifier_gives_its_unit():
    text = "5月18日，市长黄一川到青禾区检查工作。他来到甲乙酒业技改项目制曲车间、酿酒车间，详细询问产能情况。"
    assert sites(text) == ["甲乙酒业技改项目"]


def test_counties_listed_alone_are_the_stops():
    text = "6月9日到14日，州委书记张一川先后到青禾、白沙、石桥等县，着重考察牧民定居工程。"
    assert sites(text, published=date(2011, 6, 20)) == ["青禾", "白沙", "石桥"]
    text = ("6月9日，州委书记张一川先后到青禾、白沙等县考察。在白沙县红叶村，张一川察看了牧民定居点。")
    assert sites(text, published=date(2011, 6, 20)) == ["白沙县红叶村"]


def test_people_met_in_a_village_give_the_village():
    text = "5月18日，县委书记陈一川到青禾镇走访慰问。随后，陈一川一行走访了玉竹村退役军人、重点优抚对象等。"
    assert sites(text) == ["玉竹村"]
    # after 在 only a household (…家中) is read that way
    text = "5月18日，县委书记陈一川到青禾镇走访慰问。在白沙村退役军人，陈一川握手问好。"
    assert sites(text) == []


def test_a_pointer_back_is_no_site():
    text = "5月18日，县长王一川到青禾镇调研。\n这个村是远近闻名的茶叶村。王一川察看了甲乙茶叶合作社。"
    assert sites(text) == ["甲乙茶叶合作社"]
