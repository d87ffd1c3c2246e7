/// Where a demo contact's name and phone number come from: one pool per culture, so a
/// Cyrillic given name meets a Cyrillic family name and a Russian phone number.
struct NamePool {
    /// Display form and the ASCII form used to build an email address.
    typealias Name = (display: String, ascii: String)

    var given: [Name]
    var family: [Name]
    /// Family name first, as in Chinese, Japanese and Korean.
    var familyFirst = false
    var separator = " "
    /// Country calling code and how a mobile number starts, with its national length.
    var phones: [(country: String, prefix: String, length: Int)]
    /// How often this pool is picked, relative to the others.
    var weight: Int

    static let all: [NamePool] = [
        NamePool(given: [("Ana", "ana"), ("José", "jose"), ("João", "joao"), ("Sofía", "sofia"), ("Mateo", "mateo"),
                         ("Lucía", "lucia"), ("Inês", "ines"), ("Thiago", "thiago"), ("Valentina", "valentina"), ("Martín", "martin")],
                 family: [("Silva", "silva"), ("García", "garcia"), ("Fernández", "fernandez"), ("Gonçalves", "goncalves"),
                          ("Núñez", "nunez"), ("Pereira", "pereira"), ("Rodríguez", "rodriguez"), ("Araújo", "araujo")],
                 phones: [("55", "119", 11), ("34", "6", 9), ("52", "155", 10)], weight: 6),
        NamePool(given: [("Emma", "emma"), ("Liam", "liam"), ("Noah", "noah"), ("Olivia", "olivia"), ("Chloé", "chloe"),
                         ("François", "francois"), ("Zoë", "zoe"), ("Søren", "soren"), ("Björn", "bjorn"), ("Łukasz", "lukasz"),
                         ("Małgorzata", "malgorzata"), ("Jürgen", "jurgen"), ("Ségolène", "segolene"), ("Dvořák", "dvorak")],
                 family: [("Smith", "smith"), ("Müller", "muller"), ("Dubois", "dubois"), ("Kowalski", "kowalski"),
                          ("Novák", "novak"), ("Andersen", "andersen"), ("Rossi", "rossi"), ("Öztürk", "ozturk"),
                          ("Nguyễn", "nguyen"), ("Ó Briain", "obriain"), ("Żółkiewski", "zolkiewski"), ("Håkansson", "hakansson")],
                 phones: [("1", "415", 10), ("44", "7", 10), ("49", "15", 11), ("33", "6", 9), ("48", "5", 9), ("90", "5", 10)],
                 weight: 8),
        NamePool(given: [("Дмитрий", "dmitry"), ("Ольга", "olga"), ("Анастасия", "anastasia"), ("Сергей", "sergey"),
                         ("Наталья", "natalya"), ("Олександр", "oleksandr")],
                 family: [("Иванов", "ivanov"), ("Смирнова", "smirnova"), ("Кузнецов", "kuznetsov"), ("Шевченко", "shevchenko"),
                          ("Попова", "popova")],
                 phones: [("7", "9", 10), ("380", "67", 9)], weight: 3),
        NamePool(given: [("Νίκος", "nikos"), ("Ελένη", "eleni"), ("Γιώργος", "giorgos"), ("Μαρία", "maria")],
                 family: [("Παπαδόπουλος", "papadopoulos"), ("Οικονόμου", "oikonomou"), ("Γεωργίου", "georgiou")],
                 phones: [("30", "69", 10)], weight: 1),
        NamePool(given: [("伟", "wei"), ("芳", "fang"), ("秀英", "xiuying"), ("浩然", "haoran"), ("静", "jing")],
                 family: [("王", "wang"), ("李", "li"), ("张", "zhang"), ("陈", "chen"), ("刘", "liu")],
                 familyFirst: true, separator: "", phones: [("86", "13", 11)], weight: 3),
        NamePool(given: [("花子", "hanako"), ("翔太", "shota"), ("陽菜", "hina"), ("さくら", "sakura")],
                 family: [("田中", "tanaka"), ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi")],
                 familyFirst: true, phones: [("81", "90", 10)], weight: 2),
        NamePool(given: [("민준", "minjun"), ("서연", "seoyeon"), ("지호", "jiho")],
                 family: [("김", "kim"), ("이", "lee"), ("박", "park")],
                 familyFirst: true, separator: "", phones: [("82", "10", 10)], weight: 1),
        NamePool(given: [("محمد", "mohammed"), ("فاطمة", "fatima"), ("أحمد", "ahmed"), ("ليلى", "layla"), ("عمر", "omar")],
                 family: [("الحسن", "alhassan"), ("حداد", "haddad"), ("المنصوري", "almansoori"), ("خليل", "khalil")],
                 phones: [("971", "5", 9), ("966", "5", 9), ("20", "10", 10)], weight: 3),
        NamePool(given: [("דוד", "david"), ("שרה", "sarah"), ("נועה", "noa"), ("יוסי", "yossi")],
                 family: [("כהן", "cohen"), ("לוי", "levi"), ("מזרחי", "mizrahi")],
                 phones: [("972", "5", 9)], weight: 1),
        NamePool(given: [("प्रिया", "priya"), ("राहुल", "rahul"), ("अनन्या", "ananya"), ("विक्रम", "vikram")],
                 family: [("शर्मा", "sharma"), ("पटेल", "patel"), ("गुप्ता", "gupta")],
                 phones: [("91", "9", 10)], weight: 2),
        NamePool(given: [("Priya", "priya"), ("Arjun", "arjun"), ("Kwame", "kwame"), ("Ngozi", "ngozi"), ("Aisha", "aisha"),
                         ("Chinedu", "chinedu"), ("Wanjiru", "wanjiru")],
                 family: [("Okafor", "okafor"), ("Mensah", "mensah"), ("Sharma", "sharma"), ("Adeyemi", "adeyemi"), ("Kamau", "kamau")],
                 phones: [("234", "80", 10), ("233", "24", 9), ("254", "7", 9), ("91", "8", 10)], weight: 3),
    ]

    /// The pools repeated by weight, so a uniform pick honours the weights.
    static let weighted: [NamePool] = all.flatMap { pool in Array(repeating: pool, count: pool.weight) }

    /// Emoji people put after their names: flags, skin tones, ZWJ sequences.
    static let decorations = [" 🇧🇷", " 👍🏽", " 👨‍👩‍👧", " 🌸", " ✨", " 🇯🇵", " 👩🏾‍💻", " 🏳️‍🌈", " ❤️", " 🙏🏻"]

    /// Long real-world names.
    static let longNames = [
        "María de los Ángeles de la Cruz y Fernández-Montenegro Villalobos",
        "Pablo Diego José Francisco de Paula Juan Nepomuceno Ruiz Picasso",
        "Ανδρέας Χριστοδουλόπουλος-Παπαγεωργίου Καραμανλής",
        "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr.",
    ]
}
