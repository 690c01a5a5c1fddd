from generator.entities.variants import lookup_variants


def test_variants_most_literal_first():
    assert lookup_variants("Musk") == ["Musk"]
    assert lookup_variants("Musks") == ["Musks", "Musk"]
    v = lookup_variants("وفرنسا")
    assert v[0] == "وفرنسا" and "فرنسا" in v
