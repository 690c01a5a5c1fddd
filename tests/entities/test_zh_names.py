from generator.entities.zh_names import split_glued, surnames


def _names(word: str, **kw) -> list[str]:
    return [word[a:b] for a, b in split_glued(word, **kw)]


def test_surnames_from_data():
    single, double = surnames()
    assert {"李", "王", "张", "欧"} <= single
    assert {"欧阳", "司马", "诸葛"} <= double
    assert "的" not in single


def test_glued_names_are_cut():
    assert _names("荣毅仁丁关根田纪云") == ["荣毅仁", "丁关根", "田纪云"]
    assert _names("彭真朱镕基") == ["彭真", "朱镕基"]
    assert _names("李鹏乔石") == ["李鹏", "乔石"]
    assert _names("司马光欧阳修") == ["司马光", "欧阳修"]


def test_traditional_through_the_character_table():
    assert _names(
        "陳錫聯劉華清", to_simplified={"陳": "陈", "劉": "刘", "錫": "锡", "聯": "联", "華": "华"}
    ) == [
        "陳錫聯",
        "劉華清",
    ]


def test_one_name_or_no_reading_stays_whole():
    assert _names("江泽民") == []  # three characters: one name
    assert _names("克雷蒂安") == []  # 克 is no surname: no reading as names
    assert _names("梁光烈梁") == []  # a dangling surname only when asked


def test_dangling_surname_of_the_next_name():
    assert _names("费孝通孙", tail=True) == ["费孝通"]
    # a three-character name is likelier than two of two: the caller asks for a tail only
    # when the next word is no person (otherwise 李鹏乔石 would lose 石)
    assert _names("李鹏乔石", tail=True) == ["李鹏乔"]


def test_list_of_names_read_anew():
    from generator.entities.zh_names import segment_run

    run = "宋任穷张震张万年"
    assert [run[a:b] for a, b in segment_run(run)] == ["宋任穷", "张震", "张万年"]
    run = "宋平薄一波"
    assert [run[a:b] for a, b in segment_run(run)] == ["宋平", "薄一波"]
    # LAC's own word counts for more: 李鹏 | 乔石 read as LAC found them
    run = "李鹏乔石"
    assert [run[a:b] for a, b in segment_run(run, lac_names=frozenset({(0, 2), (2, 4)}))] == ["李鹏", "乔石"]
