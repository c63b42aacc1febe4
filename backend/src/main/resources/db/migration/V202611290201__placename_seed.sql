-- Standard names of Zhongshan (a demo extract of the register; the production register is imported from the national
-- place-name database) and the first list of banned terms. Both are data the bureau maintains. The pinyin is left
-- empty: the platform computes it at start-up with the same library the check uses (PlacenameRegister).
insert into placename_gazetteer (full_name, specific_part, generic_part, pinyin, category, district, status, protected_name)
values
 ('孙文中路', '孙文中', '路', '', 'STREET_ROAD_LANE', 'shiqi', 'ACTIVE', true),
 ('孙文东路', '孙文东', '路', '', 'STREET_ROAD_LANE', 'dongqu', 'ACTIVE', true),
 ('孙文西路', '孙文西', '路', '', 'STREET_ROAD_LANE', 'shiqi', 'ACTIVE', true),
 ('兴中道', '兴中', '道', '', 'STREET_ROAD_LANE', 'dongqu', 'ACTIVE', false),
 ('博爱路', '博爱', '路', '', 'STREET_ROAD_LANE', 'dongqu', 'ACTIVE', false),
 ('中山路', '中山', '路', '', 'STREET_ROAD_LANE', 'shiqi', 'ACTIVE', false),
 ('岐关西路', '岐关西', '路', '', 'STREET_ROAD_LANE', 'xiqu', 'ACTIVE', false),
 ('富华道', '富华', '道', '', 'STREET_ROAD_LANE', 'xiqu', 'ACTIVE', false),
 ('悦来南路', '悦来南', '路', '', 'STREET_ROAD_LANE', 'dongqu', 'ACTIVE', false),
 ('莲塘路', '莲塘', '路', '', 'STREET_ROAD_LANE', 'shiqi', 'ACTIVE', false),
 ('起湾道', '起湾', '道', '', 'STREET_ROAD_LANE', 'dongqu', 'ACTIVE', false),
 ('长江路', '长江', '路', '', 'STREET_ROAD_LANE', 'dongqu', 'ACTIVE', false),
 ('翠亨大道', '翠亨', '大道', '', 'STREET_ROAD_LANE', 'nanlang', 'ACTIVE', false),
 ('升平路', '升平', '路', '', 'STREET_ROAD_LANE', 'xiaolan', 'ACTIVE', false),
 ('东明路', '东明', '路', '', 'STREET_ROAD_LANE', 'dongqu', 'ACTIVE', false),
 ('烟墩山', '烟墩', '山', '', 'NATURAL_FEATURE', 'shiqi', 'ACTIVE', true),
 ('紫马岭', '紫马', '岭', '', 'NATURAL_FEATURE', 'dongqu', 'ACTIVE', false),
 ('岐江花园', '岐江', '花园', '', 'RESIDENTIAL_BUILDING', 'shiqi', 'ACTIVE', false),
 ('华柏花园', '华柏', '花园', '', 'RESIDENTIAL_BUILDING', 'dongqu', 'ACTIVE', false),
 ('兴中广场', '兴中', '广场', '', 'SQUARE', 'dongqu', 'ACTIVE', false);

insert into placename_banned_term (term, kind) values
 ('纽约', 'FOREIGN_NAME'), ('巴黎', 'FOREIGN_NAME'), ('伦敦', 'FOREIGN_NAME'), ('曼哈顿', 'FOREIGN_NAME'),
 ('威尼斯', 'FOREIGN_NAME'), ('维也纳', 'FOREIGN_NAME'), ('加州', 'FOREIGN_NAME'), ('莎士比亚', 'FOREIGN_NAME'),
 ('拿破仑', 'FOREIGN_NAME'), ('罗马', 'FOREIGN_NAME'),
 ('孙悟空', 'PERSONAL_NAME'), ('林黛玉', 'PERSONAL_NAME'), ('郑观应', 'PERSONAL_NAME'),
 ('碧桂园', 'ENTERPRISE_NAME'), ('万达', 'ENTERPRISE_NAME'), ('雅居乐', 'ENTERPRISE_NAME'), ('美的', 'ENTERPRISE_NAME'),
 ('格力', 'TRADEMARK'), ('华为', 'TRADEMARK'), ('可口可乐', 'TRADEMARK'), ('麦当劳', 'TRADEMARK');
