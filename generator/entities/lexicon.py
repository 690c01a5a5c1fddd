"""Hand-written lexicons (general knowledge, no corpus) and Babel/CLDR gazetteers."""

from __future__ import annotations

from functools import lru_cache

LATIN_FIRST_NAMES = set(
    """
Aaron Abraham Adam Adrian Agnes Alan Albert Alberto Alec Alex Alexander Alexandra Alexis Alfred
Alice Alicia Alina Alison Amanda Amber Amelie Amy Ana Andrea Andreas Andrew Andrzej Andy Angela
Angelika Anita Ann Anna Anne Annette Antoine Anton Antonio Arnold Arthur Asmita Axel Barack Barbara
Bastian Beate Ben Benjamin Bernard Bernd Bernhard Bertrand Bettina Bill Birgit Bob Boris Brad
Brian Britta Bruce Bruno Burkhard Carl Carla Carlos Carmen Carol Caroline Carsten Catherine
Cathy Cecilia Charles Charlie Charlotte Chris Christa Christel Christian Christiane Christina
Christine Christoph Christopher Claire Clara Claudia Claus Colin Cornelia Daniel Daniela Dario
David Dennis Detlef Diana Dieter Dietmar Dirk Dominik Donald Doris Dorothea Douglas Edward
Elena Eli Elias Elisabeth Elizabeth Ella Elon Emil Emily Emma Emmanuel Eric Erich Erik Ernst
Erwin Eva Fabian Felix Florian Frank Franz Frederic Friedrich Fritz Gabriel Gabriele Gary
Georg George Gerald Gerd Gerhard Gina Giorgio Giovanni Gisela Greg Gregor Gudrun Günter Günther
Hannah Hannelore Hans Harald Harry Hartmut Heike Heinrich Heinz Helen Helena Helga Helmut Henry
Herbert Hermann Horst Hubert Hugo Ian Ingrid Irene Isabel Isabelle Jack Jacob Jacques Jakob
James Jamie Jan Jana Jane Janet Jason Jean Jeff Jennifer Jens Jeremy Jessica Jim Joachim Joe
Johann Johanna Johannes John Jonas Jonathan Jordan Jörg Jose José Josef Joseph Juan Judith Julia
Julian Julie Jürgen Justin Karin Karl Karola Katarina Kate Katharina Katja Kerstin Kevin Klaus
Kurt Lars Laura Lea Lena Leo Leon Leonie Linda Lisa Lothar Louis Louise Lucas Ludwig Luis Luise
Lukas Luke Manfred Manuel Manuela Marc Marco Marcus Margaret Maria Marianne Marie Mario Mark
Markus Marlene Martha Martin Martina Mary Matthew Matthias Max Maximilian Melanie Michael Michaela
Michel Michelle Mike Miriam Monica Monika Nadine Natalie Nick Nicolas Nicole Niklas Nils Nina
Norbert Olaf Oliver Olivia Oskar Otto Pascal Patricia Patrick Paul Paula Peter Petra Philip
Philipp Pierre Rachel Rainer Ralf Ralph Raymond Rebecca Reiner Reinhard Renate Richard Rita
Robert Robin Roger Roland Rolf Ronald Rosa Rudolf Ruth Ryan Sabine Sam Samuel Sandra Sara Sarah
Satya Sebastian Sergei Sergej Simon Simone Sophie Stefan Stefanie Steffen Stephan Stephanie
Steve Steven Susan Susanne Sven Sybille Thomas Tim Tobias Tom Tony Torsten Udo Ulrich Ulrike
Ursula Uwe Valentin Vanessa Vera Victor Viktor Vincent Vladimir Volker Walter Werner Wilhelm
William Willy Wolfgang Xavier Yvonne Zoe Friederike Gudula Brigitte Jolanta Wladimir Jewgeni
Mohammed Muhammad Ahmed Ali Hassan Hussein Omar Abdullah Mahmoud Yusuf Ibrahim Khalid
Xi Li Wang Zhang Kim Park Lee Shinzo Narendra Recep Benjamin Mikhail Dmitri Dmitry Igor Ivan
Olga Natascha Tatjana Pablo Miguel Diego Sergio Luca Marco Francesco Alessandro Matteo Giuseppe
""".split()
)

# words that are capitalised in German but never start a name
DE_NON_NAMES = set(
    """
Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ihr Ich Du Man Mit Von
Vor Nach Bei Aus Auf Für Über Unter In Im Am An Als Auch Aber Und Oder Doch Denn Wenn Weil Dass
Daß Da Dann Dort Hier Heute Gestern Morgen Nun Noch Nur So Wie Was Wer Wo Warum Wann Welche
Welcher Welches Dieser Diese Dieses Jener Jede Jeder Jedes Alle Viele Einige Mehrere Kein Keine
Nicht Nichts Sein Seine Ihre Unser Unsere Mein Meine Dein Zu Zum Zur Bis Seit Während Trotz
Ohne Gegen Durch Um Ab Obwohl Damit Sodass Also Jedoch Zudem Außerdem Zwar Erst Schon Bereits
Immer Nie Oft Bald Januar Februar März April Mai Juni Juli August September Oktober November
Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Herr Frau Dr Prof
The A An Of And Or In On At For To From By With This That These Those It He She They We You I
But If When While After Before As Is Was Are Were Be Been Mr Mrs Ms His Her Its Their Our
Chief Officer Executive Director Vice Senior Head Manager Digital Marketing Technology Officer
Nachdem Sofern Falls Laut Gemäß Wegen Zwischen Neben Hinter Außer Innerhalb Außerhalb
""".split()
)

# cue words right before a person's name (German / English)
PER_CUES_LATIN = set(
    """
Herr Herrn Frau Dr. Prof. Präsident Präsidentin Kanzler Kanzlerin Bundeskanzler Bundeskanzlerin
Minister Ministerin Bundesminister Bundesministerin Ministerpräsident Ministerpräsidentin Trainer
Trainerin Sänger Sängerin Schauspieler Schauspielerin Autor Autorin Schriftsteller Regisseur
Regisseurin Chef Chefin CEO Firmenchef Konzernchef Vorstandschef Papst König Königin Kaiser
Kaiserin Fürst Fürstin Graf Gräfin Herzog Bischof Pfarrer Bürgermeister Bürgermeisterin Abgeordnete
Abgeordneter Spieler Spielerin Stürmer Torhüter Torwart Kapitän Direktor Direktorin Sprecher
Sprecherin Gründer Gründerin Komponist Maler Architekt Journalist Journalistin Moderator Moderatorin
Professor Professorin Senator Senatorin Gouverneur Vorsitzende Vorsitzender Vorsitzenden Richter
Richterin Anwalt Anwältin Verteidiger Mittelfeldspieler Schiedsrichter Kardinal Prinz Prinzessin
Mr. Mrs. Ms. Sir Lady Lord President Senator Governor Minister Chancellor Judge Coach Director
Founder Chairman Chairwoman Pope King Queen Prince Princess Rev. Gen. Col. Capt. Sgt. Mayor
Inhaber Inhaberin Investor Milliardär Unternehmer Unternehmerin Manager Managerin Vizepräsident
Staatssekretär Botschafter Botschafterin General Oberst Kommissar Kommissarin Rabbi Imam Scheich
""".split()
)
# cue words right after a person's name
PER_POST_CUES_LATIN = set(
    "sagte sagt erklärte betonte meinte schrieb berichtete said says told wrote".split()
)

ORG_SUFFIXES_LATIN = set(
    """
GmbH AG SE KG KGaA OHG e.V. eV Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC Co. Company Group
Gruppe Holding Holdings Verlag Records Bank Partei Verein Verband Club FC SC SV TSV VfB VfL
Universität University Institut Institute Hochschule Stiftung Foundation Ministerium Kommission
Komitee Agentur Agency Zeitung Airlines Airways Motors Media Studios Theater Theatre Orchester
Klinikum Akademie Academy Gesellschaft Konzern Werke Bund Union Association Council Committee
Fraktion Gewerkschaft Kirche Associates Partners Capital Ventures Technologies Systems Software
Labs Network Networks Society Team Racing Records Football Hockey League Liga Bundesliga
""".split()
)
ORG_PREFIXES_LATIN = set(
    "FC SC SV TSV VfB VfL BSC RB Borussia Eintracht Hertha Dynamo Bayer Fortuna Real Atlético Inter AC AS".split()
)

LOC_CUES_LATIN = set(
    "in nach aus bei nahe Stadt Dorf Gemeinde Landkreis Kreis Region Provinz Bundesland Hauptstadt Ortsteil Stadtteil".split()
)
LOC_SUFFIXES_DE = (
    "stadt",
    "burg",
    "dorf",
    "heim",
    "hausen",
    "bach",
    "ingen",
    "furt",
    "hofen",
    "rode",
    "leben",
    "weiler",
    "land",
    "berg",
    "brück",
    "brücken",
    "feld",
    "felde",
    "hagen",
    "horst",
    "kirchen",
    "münster",
    "stedt",
    "stätt",
    "wald",
    "au",
    "ow",
    "itz",
    "witz",
    "platz",
    "straße",
    "strasse",
    "gasse",
    "see",
)
LATIN_STOP_ACRONYMS = set(
    """
AI KI API GPU CPU CEO CFO CTO COO IT PC TV USB QR LED LCD PDF HTML URL APP APPS SaaS B2B B2C
OMO LGBT DNA AIDS HIV COVID OK PR HR FAQ PS AM PM USD EUR GBP CNY NT BTW ZB ETC DIY VR AR XR
ISBN ISSN IPO ETF GDP BIP MWSt SMS NFT ESG EV EVS AGB UHD HD SUV CD DVD WLAN WiFi LTE CEOs
""".split()
)

# ----------------------------------------------------------------- Arabic
AR_FIRST_NAMES = set(
    """
محمد أحمد علي حسن حسين محمود مصطفى عمر عثمان خالد سعيد سعد عبد عبدالله عبدالرحمن عبدالعزيز
إبراهيم ابراهيم إسماعيل يوسف يعقوب موسى عيسى سليمان داود صالح فهد فيصل سلطان سلمان ناصر نصر
جمال كمال طارق زياد رامي سامي هاني فادي وليد ماجد مازن نبيل عادل عماد عصام هشام أسامة اسامة
حمد حامد حميد رشيد مجيد كريم رفعت شكري مسعود جلال بشار حافظ رفيق نجيب جميل أنور انور صدام
عدي قصي نوري إياد اياد هادي مقتدى عمار أيمن ايمن ياسر ياسين سيد مروان منصور زين زكي فؤاد
فاروق حسني هيثم معمر زين بدر نايف تركي بندر عبدالملك طلال غازي شريف سمير منير بسام باسم
عبد الله عبد الرحمن عبد العزيز أبو ابو بن فاطمة عائشة خديجة مريم زينب ليلى هدى نادية سعاد
سميرة منى رانيا هند سلمى نور جورج دونالد توني جون جيمس ديفيد مايكل روبرت ريتشارد وليام
بيل باراك هيلاري كوندوليزا كولن ديك غوردون جاك نيكولا فلاديمير ديمتري ميخائيل بوريس أنجيلا
انجيلا شارل فرانسوا جاك بيتر بول مارك إيلون ايلون سام ليندا كريستل أسميتا موريس برنارد
آندرو أندرو أنطوني انطوني غلوريا جوزيف ستيفن توماس هنري كارل هانس ألبرت البرت إدوارد
ادوارد دانيال مارتن فيليب أرييل ارييل شيمون إيهود ايهود بنيامين إسحق اسحق يتسحاق كوفي
خافيير ماريو جان ميشال لوران نيكولاس أليكس اليكس فرانك ستيف تيم جيف بيرني كامالا هيلين
""".split()
)

# cue words before a person (kept outside the span)
AR_PER_CUES = set(
    """
الرئيس الرئيسة رئيس السيد السيدة الشيخ الملك الأمير الامير الأميرة الوزير الوزيرة وزير
الجنرال اللواء العقيد العميد الفريق المشير الدكتور الدكتورة د. النائب المتحدث الناطق الزعيم
المستشار الإمام الامام القائد الحاخام البابا السفير المبعوث المفوض المدير مدير المدرب اللاعب
الكاتب الشاعر الفنان الممثل المخرج الصحفي الصحافي المراسل القاضي المحامي العاهل الجنرال
نائب الرئيس التنفيذي المؤسس مؤسس الملياردير السناتور السيناتور حاكم الحاكم
""".split()
)
# verbs of saying right after a name
AR_PER_POST = set("قال وقال يقول وأضاف أضاف وأكد أكد أعلن وأعلن صرح وصرح أوضح وأوضح أشار وأشار".split())

# ORG heads that are part of the name (حزب X) and cue words that are not (شركة X → X)
AR_ORG_HEADS = set(
    """
حزب حركة جماعة تنظيم منظمة مجلس جامعة بنك مصرف اتحاد الاتحاد جمعية هيئة مؤسسة وكالة
الأمم صندوق البنك مجلس المجلس منظمة المنظمة جبهة الجبهة لجنة اللجنة محكمة المحكمة نادي
""".split()
)
AR_ORG_CUES = set("شركة الشركة صحيفة الصحيفة مجموعة منصة موقع قناة وكالة مجلة".split())
AR_LOC_CUES = set(
    "مدينة بلدة قرية محافظة ولاية إقليم منطقة عاصمة العاصمة جزيرة جزر نهر بحر جبل مطار ميناء".split()
)

AR_ORGS = set(
    """
الأمم_المتحدة الاتحاد_الأوروبي الاتحاد_الأفريقي الجامعة_العربية جامعة_الدول_العربية حلف_الناتو
الناتو حلف_شمال_الأطلسي مجلس_الأمن مجلس_الأمن_الدولي البنك_الدولي صندوق_النقد_الدولي
منظمة_التجارة_العالمية منظمة_الصحة_العالمية اليونسكو اليونيسف الكونغرس الكونجرس البنتاغون
البنتاجون البيت_الأبيض الكرملين القاعدة طالبان حماس حزب_الله الإخوان_المسلمين
الإخوان_المسلمون منظمة_التحرير_الفلسطينية الكنيست رويترز الجزيرة العربية فرانس_برس
قناة_العربية أسوشيتد_برس سي_إن_إن بي_بي_سي أوبك الفيفا الفيفا ناسا الإنتربول غوغل جوجل مايكروسوفت
فيسبوك تويتر أبل آبل أمازون سامسونغ تويوتا بوينغ البوينغ إيرباص نوكيا سوني إنتل
وكالة_الطاقة_الذرية الوكالة_الدولية_للطاقة_الذرية الصليب_الأحمر الهلال_الأحمر
البرلمان_الأوروبي المفوضية_الأوروبية الحرس_الثوري السي_آي_إيه الموساد الشاباك إف_بي_آي
""".split()
)

AR_CITIES = set(
    """
بغداد البصرة الموصل كركوك أربيل اربيل النجف كربلاء الفلوجة تكريت دمشق حلب حمص حماة اللاذقية
بيروت طرابلس صيدا صور عمان عمّان الزرقاء إربد العقبة القدس غزة رام_الله نابلس الخليل جنين
بيت_لحم أريحا تل_أبيب حيفا يافا القاهرة الإسكندرية الاسكندرية أسوان الأقصر بورسعيد السويس
الرياض جدة مكة المدينة_المنورة الدمام الكويت الدوحة المنامة أبوظبي أبو_ظبي دبي الشارقة مسقط
صنعاء عدن الخرطوم طرابلس بنغازي تونس الجزائر وهران الرباط الدار_البيضاء مراكش فاس نواكشوط
طهران أصفهان أنقرة إسطنبول اسطنبول كابول قندهار إسلام_آباد كراتشي لاهور نيودلهي مومباي
بكين شنغهاي طوكيو سيول موسكو كييف وارسو برلين باريس لندن روما مدريد برشلونة بروكسل أمستردام
جنيف فيينا أثينا ستوكهولم أوسلو كوبنهاغن لشبونة دبلن واشنطن نيويورك لوس_أنجلوس شيكاغو
سان_فرانسيسكو بوسطن ميامي هيوستن تورونتو أوتاوا مونتريال سيدني ملبورن ريو_دي_جانيرو
ساو_باولو بوينس_آيرس مكسيكو هافانا كاراكاس نيروبي أديس_أبابا لاغوس جوهانسبرغ كيب_تاون
مقديشو دارفور الفاتيكان هونغ_كونغ سنغافورة جاكرتا مانيلا بانكوك هانوي مرسيليا
""".split()
)
AR_REGIONS = set(
    """
أوروبا اوروبا آسيا أفريقيا افريقيا إفريقيا أمريكا أميركا أمريكا_اللاتينية أمريكا_الشمالية
الشرق_الأوسط الخليج الخليج_العربي المغرب_العربي الضفة_الغربية قطاع_غزة الجولان سيناء كردستان
البلقان القوقاز الأندلس الشيشان دارفور كشمير التبت الأطلسي المتوسط البحر_المتوسط البحر_الأحمر
الولايات_المتحدة_الأمريكية بلاد_الشام الشام
""".split()
)

# ----------------------------------------------------------------- gazetteers
CITIES_LATIN = set(
    """
Berlin Hamburg München Munich Köln Cologne Frankfurt Stuttgart Düsseldorf Dortmund Essen Leipzig
Bremen Dresden Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Münster Mannheim
Karlsruhe Augsburg Wiesbaden Freiburg Mainz Kiel Rostock Potsdam Erfurt Magdeburg Halle Weimar
Heidelberg Regensburg Würzburg Ulm Lübeck Kassel Aachen Saarbrücken Trier Wien Vienna Graz Linz
Salzburg Innsbruck Zürich Zurich Genf Geneva Basel Bern Luzern Lausanne Paris Lyon Marseille Nizza Nice
Cannes Toulouse Bordeaux Straßburg Strasbourg London Manchester Liverpool Birmingham Edinburgh
Glasgow Dublin Brüssel Brussels Amsterdam Rotterdam Den Haag Antwerpen Luxemburg Rom Rome Mailand
Milan Neapel Naples Turin Florenz Florence Venedig Venice Madrid Barcelona Valencia Sevilla
Lissabon Lisbon Porto Athen Athens Warschau Warsaw Krakau Prag Prague Budapest Bukarest
Bucharest Sofia Belgrad Belgrade Zagreb Ljubljana Moskau Moscow Kiew Kyiv Kiev Minsk Riga Tallinn
Vilnius Helsinki Stockholm Oslo Kopenhagen Copenhagen Istanbul Ankara Jerusalem Tel Aviv Kairo
Cairo Bagdad Baghdad Teheran Tehran Damaskus Damascus Beirut Riad Riyadh Dubai Doha Kabul Delhi
Neu-Delhi Mumbai Peking Beijing Shanghai Hongkong Hong Kong Taipeh Taipei Tokio Tokyo Osaka Seoul
Singapur Singapore Bangkok Jakarta Manila Sydney Melbourne Washington New York Los Angeles
Chicago Boston San Francisco Seattle Miami Houston Dallas Atlanta Detroit Toronto Montreal
Vancouver Ottawa Mexiko-Stadt Havanna Havana Rio São Paulo Buenos Aires Santiago Lima Bogotá
Kapstadt Johannesburg Nairobi Lagos Silicon Valley Brooklyn Manhattan Kalifornien California
Texas Florida Bayern Sachsen Hessen Thüringen Brandenburg Niedersachsen Westfalen Rheinland
Pfalz Baden Württemberg Tirol Kärnten Steiermark Elsass Katalonien Schottland Wales England
Sibirien Europa Asien Afrika Amerika Nordamerika Südamerika Lateinamerika Ozeanien Antarktis
Arktis Balkan Nahost Mittelmeer Ostsee Nordsee Atlantik Pazifik Alpen Rhein Donau Elbe Main
Bodensee Ruhrgebiet Europe Asia Africa America Middle East Gaza Westjordanland Krim Donbass
Taiwan Tibet Bretagne Normandie Provence Toskana Sizilien Sardinien Korsika Kreta Mallorca
""".split()
)


@lru_cache(maxsize=1)
def territory_names() -> dict[str, set[str]]:
    """Babel/CLDR territory names per language group: {"de": {...}, "ar": {...}, "zh": {...}, "en": {...}}."""
    out: dict[str, set[str]] = {}
    try:
        from babel import Locale
    except Exception:  # pragma: no cover
        return out
    skip = {"001", "150", "419", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
    for group, locales in (
        ("de", ("de", "de_AT", "de_CH")),
        ("en", ("en",)),
        ("ar", ("ar",)),
        ("zh", ("zh_Hans", "zh_Hant")),
        ("fr", ("fr",)),
    ):
        names = out.setdefault(group, set())
        for loc in locales:
            try:
                terr = Locale.parse(loc).territories
            except Exception:
                continue
            for code, name in terr.items():
                if code in skip or not name:
                    continue
                names.add(name)
                # short forms: "Kongo-Kinshasa" stays; strip parenthesised parts
                if "(" in name:
                    names.add(name.split("(")[0].strip())
    return out


EXTRA_LOC = {
    "de": set(
        "USA US UK Großbritannien England Amerika Sowjetunion UdSSR DDR BRD Bundesrepublik Jugoslawien Tschechoslowakei Preußen Holland Weißrussland Nordkorea Südkorea Burma Birma Persien Türkei Vatikan Palästina".split()
    ),
    "en": set("USA US U.S. UK U.K. Britain America Soviet Russia Holland Burma Persia Palestine".split()),
    "ar": set(
        "أمريكا أميركا امريكا اميركا بريطانيا إسرائيل اسرائيل الولايات_المتحدة روسيا الاتحاد_السوفيتي الاتحاد_السوفياتي فلسطين إيران ايران تركيا سوريا سورية لبنان الأردن الاردن مصر العراق ليبيا السودان اليمن السعودية المملكة_العربية_السعودية الإمارات الامارات قطر البحرين عمان الكويت المغرب الجزائر تونس موريتانيا الصومال جيبوتي فرنسا ألمانيا المانيا إيطاليا ايطاليا إسبانيا اسبانيا الصين اليابان الهند باكستان أفغانستان افغانستان كوريا_الشمالية كوريا_الجنوبية".split()
    ),
    "zh": set(),
}


@lru_cache(maxsize=1)
def zone_cities() -> dict[str, set[str]]:
    """World cities from the time-zone database (Europe/Berlin → Berlin) and CLDR's
    localized exemplar cities (de: Wien, Kopenhagen; ar, zh likewise)."""
    out: dict[str, set[str]] = {"en": set(), "de": set(), "ar": set(), "zh": set(), "fr": set()}
    zones = set()
    try:
        import zoneinfo

        zones = {
            z
            for z in zoneinfo.available_timezones()
            if z.split("/")[0]
            in ("Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian")
        }
    except Exception:  # pragma: no cover
        pass
    for z in zones:
        city = z.split("/")[-1].replace("_", " ")
        if len(city) >= 3 and city.isascii():
            out["en"].add(city)
    try:
        from babel import Locale

        for group, loc in (("de", "de"), ("ar", "ar"), ("zh", "zh_Hans"), ("fr", "fr")):
            for z, d in Locale.parse(loc).time_zones.items():
                zcity = d.get("city") if hasattr(d, "get") else None
                if zcity and z.split("/")[0] != "Etc":
                    out[group].add(zcity)
    except Exception:  # pragma: no cover
        pass
    return out
