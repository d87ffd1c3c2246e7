/// Generates believable, deterministic contacts: names from many scripts, E.164 phones,
/// emails (some empty), statuses, agents, mostly-zero unread counts, channels and times
/// spread over months.
enum DemoData {
    static let firstNames = [
        "Ana", "José", "Zoë", "Łukasz", "Søren", "François", "Maria", "João", "Chloé", "Emma",
        "Mohammed", "Priya", "Wei", "Yuki", "Olga", "Dmitri", "Fatima", "Noah", "Liam", "Aisha",
        "Дмитрий", "Ольга", "Νίκος", "Ελένη", "王芳", "李伟", "佐藤", "김민준", "محمد", "فاطمة",
        "דוד", "שרה", "प्रिया", "राहुल", "Kwame", "Ngozi", "Mateo", "Sofía", "Björn", "İlkay",
    ]
    static let lastNames = [
        "Silva", "García", "Müller", "Novák", "Kowalski", "Öztürk", "Nguyễn", "Smith", "Okafor", "Haddad",
        "Иванов", "Παπαδόπουλος", "田中", "陈", "Kim", "Cohen", "Sharma", "Rossi", "Dubois", "Andersen",
    ]
    static let decorations = ["", "", "", "", "", " 🇧🇷", " 👍🏽", " 👨‍👩‍👧", " 🌸", " ✨"]
    static let statuses = ["open", "open", "open", "live", "live", "closed", "pending", "resolved"]
    static let agents = ["", "", "Maya (support)", "Ravi", "AI agent", "Lena K.", "Flow: onboarding", "Tomás"]
    static let channelSets: [[String]] = [
        ["whatsapp"], ["whatsapp"], ["instagram"], ["messenger"], ["website"],
        ["whatsapp", "instagram"], ["website", "messenger"], ["whatsapp", "instagram", "messenger", "website"], [],
    ]
    static let hostileNames = [
        "\u{1B}[31mRED ALERT\u{1B}[0m", "\u{1B}]0;pwned\u{07}Mallory", "Bell\u{07}\u{07}Ringer",
        "Tab\tand\nnewline", "C1\u{9B}2Jcontrol", "Zalgo Z̷̢̛a̸l̶g̵o̴", "RTL \u{202E}evil\u{202C} name",
        "zero\u{200B}width\u{200D}joiner", String(repeating: "Very long name ", count: 20),
    ]

    /// The contacts for a seed, newest first, with `now` as the newest activity.
    static func contacts(count: Int, seed: UInt64, now: Int64, hostile: Bool) -> [DemoContact] {
        var rng = SeededRandom(seed: seed)
        var out: [DemoContact] = []
        out.reserveCapacity(count)
        var time = now
        for index in 0..<count {
            time -= Int64(rng.next() % 7200) + 30
            let first = rng.pick(firstNames), last = rng.pick(lastNames)
            var name = "\(first) \(last)" + rng.pick(decorations)
            if hostile && rng.chance(0.15) { name = rng.pick(hostileNames) }
            if index % 97 == 13 { name = "\(first) \(last) de la Cruz y Fernández-Montenegro Villalobos" }
            let phone = "+\(rng.pick(["1", "44", "55", "91", "49", "81", "234", "971"]))\(100_000_000 + rng.next() % 899_999_999)"
            let emailUser = first.unicodeScalars.allSatisfy(\.isASCII) ? first.lowercased() : "user\(index)"
            let email = rng.chance(0.2) ? "" : "\(emailUser).\(index)@\(rng.pick(["gmail.com", "example.com", "outlook.com", "shop.io"]))"
            let unread = rng.chance(0.7) ? 0 : Int(rng.next() % 12) + 1
            out.append(DemoContact(
                id: uuid(&rng),
                name: name,
                phone: phone,
                email: email,
                status: rng.pick(statuses),
                assignedTo: rng.pick(agents),
                unread: unread,
                latest: time,
                channels: rng.pick(channelSets),
                iframeID: "iframe-\(String(rng.next() % 1_000_000, radix: 16))"
            ))
        }
        return out
    }

    /// A version-4-shaped UUID from the generator.
    static func uuid(_ rng: inout SeededRandom) -> String {
        let a = rng.next(), b = rng.next()
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: max(0, digits - s.count)) + s.suffix(digits)
        }
        return "\(hex(a >> 32, 8))-\(hex((a >> 16) & 0xFFFF, 4))-4\(hex(a & 0xFFF, 3))-\(hex(8 | (b >> 62), 1))\(hex((b >> 48) & 0xFFF, 3))-\(hex(b & 0xFFFF_FFFF_FFFF, 12))"
    }
}
