import Foundation

/// Generates believable, deterministic contacts: names from many scripts, E.164 phones,
/// emails (some empty), statuses, agents, mostly-zero unread counts, channels and times
/// spread over months. Any contact can be regenerated alone from the seed and its index.
struct DemoData: Sendable {
    let seed: UInt64
    let count: Int
    /// Seconds since 1970 of the newest message (contact 0).
    let now: Int64
    let hostile: Bool

    /// How far back the oldest contact's latest message lies.
    static let span: Double = 200 * 86_400

    static let statuses = ["open", "open", "open", "open", "live", "live", "closed", "closed", "closed", "pending", "resolved", "snoozed"]
    static let agents = ["", "", "", "Maya (support)", "Ravi", "AI agent", "AI agent", "Lena K.", "Flow: onboarding", "Tomás", "Zhang Wei"]
    static let channelSets: [[String]] = [
        ["whatsapp"], ["whatsapp"], ["whatsapp"], ["instagram"], ["messenger"], ["website"], ["website"],
        ["whatsapp", "instagram"], ["website", "messenger"], ["whatsapp", "instagram", "messenger", "website"], [],
    ]
    static let emailDomains = ["gmail.com", "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "example.com", "shop.io", "mail.ru", "qq.com"]

    /// The contact at `index` (0 is the newest).
    func contact(at index: Int) -> DemoContact {
        var rng = SeededRandom(seed: seed, stream: UInt64(index))
        let pool = rng.pick(NamePool.weighted)
        let given = rng.pick(pool.given), family = rng.pick(pool.family)
        var name = pool.familyFirst
            ? family.display + pool.separator + given.display
            : given.display + " " + family.display
        if rng.chance(0.08) { name += rng.pick(NamePool.decorations) }
        if rng.chance(0.004) { name = rng.pick(NamePool.longNames) }
        if hostile && rng.chance(0.15) { name = rng.pick(HostileText.names) }
        let phoneFormat = rng.pick(pool.phones)
        let phone = "+" + phoneFormat.country + phoneFormat.prefix + rng.digits(phoneFormat.length - phoneFormat.prefix.utf8.count)
        var email = ""
        if !rng.chance(0.2) {
            let number = rng.chance(0.5) ? String(rng.int(in: 1...9999)) : ""
            email = given.ascii + rng.pick([".", "_", ""]) + family.ascii + number + "@" + rng.pick(Self.emailDomains)
        }
        let unread = rng.chance(0.75) ? 0 : (rng.chance(0.7) ? rng.int(in: 1...3) : rng.int(in: 4...40))
        var agent = rng.pick(Self.agents)
        if hostile && rng.chance(0.05) { agent = rng.pick(HostileText.agents) }
        let status = rng.pick(Self.statuses)
        let channels = rng.pick(Self.channelSets)
        let iframeID = ContactID.hex(rng.next(), 16)
        let latest = now - Self.age(index: index, count: count, jitter: rng.unit())
        return DemoContact(
            index: index, id: ContactID(seed: seed).id(for: index), name: name, phone: phone, email: email,
            status: status, assignedTo: agent, unread: unread, latest: latest, channels: channels, iframeID: iframeID)
    }

    /// Seconds between `now` and the latest message of the contact at `index`: dense for
    /// recent contacts, sparse for old ones, never decreasing with the index; 0 for the newest.
    static func age(index: Int, count: Int, jitter: Double) -> Int64 {
        guard index > 0 else { return 0 }
        let position = (Double(index) + jitter) / Double(max(count, 1))
        return Int64(span * pow(position, 1.6))
    }
}
