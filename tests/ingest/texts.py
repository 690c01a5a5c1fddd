"""Realistic article texts in several languages and the legacy code pages they are found in.

Shared by the ingest unit tests and the end-to-end bad-input build. Each text uses only
characters its code page can encode (Western digits in the Arabic ones, for ISO-8859-6).
"""

from __future__ import annotations

# (title, [paragraph, …])
BIG5_ZH_HANT = (
    "台北捷運環狀線第二階段明年動工",
    [
        "台北市政府今天宣布，捷運環狀線第二階段工程將於明年動工，總經費約新台幣八百億元。",
        "市長在記者會上表示，這條路線完工後可以大幅縮短新北市與台北市之間的通勤時間，預計每天將有二十萬人次搭乘。",
        "交通局長說，施工期間會盡量減少對居民的影響，並且在主要路口增加交通指揮人員。",
    ],
)
GB18030_ZH_HANS = (
    "国家统计局：前三季度经济同比增长百分之五点二",
    [
        "国家统计局今天发布数据显示，今年前三季度国内生产总值同比增长百分之五点二，消费对经济增长的贡献明显上升。",
        "专家表示，消费市场逐步回暖，制造业投资保持稳定增长，高技术产业增速快于整体工业。",
        "不过，房地产行业仍面临较大压力，部分城市的住房销售继续下降，需要更多政策支持。",
    ],
)
ARABIC = (
    "وزارة المالية: العجز ينخفض إلى ثلاثة في المئة",
    [
        "أعلنت وزارة المالية اليوم أن عجز الموازنة انخفض إلى ثلاثة في المئة من الناتج المحلي الإجمالي، وهو أدنى مستوى منذ عشر سنوات.",
        "وقال الوزير في مؤتمر صحفي إن الحكومة ستواصل الإصلاحات الاقتصادية خلال العام المقبل، مع التركيز على دعم الشركات الصغيرة.",
        "ويتوقع الخبراء أن يرتفع النمو بفضل زيادة الصادرات وعودة السياحة، لكنهم حذروا من ارتفاع أسعار الطاقة؟",
    ],
)
GERMAN = (
    "Bundesregierung beschließt Förderprogramm für Wärmepumpen",
    [
        "Die Bundesregierung hat am Mittwoch ein neues Förderprogramm für Wärmepumpen beschlossen. "
        "Hausbesitzer sollen künftig bis zu 70 Prozent der Kosten erstattet bekommen.",
        "Kritiker bemängeln, dass die Maßnahme zu spät komme und die Bürokratie übermäßig groß sei. "
        "„Wir brauchen schnellere Verfahren“, sagte ein Sprecher des Verbands in Düsseldorf.",
        "Über 3.000 Handwerksbetriebe hatten sich zuvor an einer Umfrage beteiligt; der Umsatz der Branche stieg um 12 % auf 4,5 Mrd. €.",
    ],
)
ENGLISH = (
    "Oil prices climb after producers announce output cuts",
    [
        "Oil prices rose more than 3% on Monday after a group of major producers said it would cut output by "
        "one million barrels a day from next month.",
        "Analysts said the decision surprised markets, which had expected production to stay unchanged until the end of the year.",
        "Brent crude traded at $87 a barrel in London, its highest level since January.",
    ],
)

# (case id, (title, paragraphs), code page)
LEGACY_CASES = [
    ("big5-zh-Hant", BIG5_ZH_HANT, "big5"),
    ("gb18030-zh-Hans", GB18030_ZH_HANS, "gb18030"),
    ("gb18030-zh-Hant", BIG5_ZH_HANT, "gb18030"),  # Traditional text saved by a GBK editor
    ("cp1256-ar", ARABIC, "cp1256"),
    ("iso8859-6-ar", ARABIC, "iso8859-6"),
    ("cp1252-de", GERMAN, "cp1252"),
]


def article_text(sample, sep: str = "\n\n") -> str:
    title, paragraphs = sample
    return title + sep + sep.join(paragraphs) + "\n"
