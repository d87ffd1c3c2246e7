/// The widths of a list row's columns for a list `width` columns wide. Narrower lists drop
/// columns in this order: agent, channels, status, then the time; the unread badge and the
/// name always stay. A column of width 0 is not drawn.
struct RowColumns: Equatable {
    static let badge = 4
    static let channelsWidth = 11
    static let statusWidth = 9
    static let agentWidth = 12
    static let timeWidth = 6
    /// The narrowest name worth keeping a column for.
    static let minimumName = 18

    var name: Int
    var channels: Int
    var status: Int
    var agent: Int
    var time: Int

    init(width: Int) {
        let candidates: [(channels: Int, status: Int, agent: Int, time: Int)] = [
            (Self.channelsWidth, Self.statusWidth, Self.agentWidth, Self.timeWidth),
            (Self.channelsWidth, Self.statusWidth, 0, Self.timeWidth),
            (0, Self.statusWidth, 0, Self.timeWidth),
            (0, 0, 0, Self.timeWidth),
        ]
        for c in candidates {
            let fixed = Self.badge + Self.gapped(c.channels) + Self.gapped(c.status) + Self.gapped(c.agent) + Self.gapped(c.time)
            if width - fixed >= Self.minimumName {
                let slack = width - fixed - 40
                // Past a 40-column name, the agent column takes up to 8 more.
                let agent = c.agent > 0 && slack > 0 ? c.agent + min(8, slack) : c.agent
                self.init(name: width - fixed - (agent - c.agent), channels: c.channels, status: c.status, agent: agent, time: c.time)
                return
            }
        }
        let time = width - Self.badge - Self.gapped(Self.timeWidth) >= 8 ? Self.timeWidth : 0
        self.init(name: max(0, width - Self.badge - Self.gapped(time)), channels: 0, status: 0, agent: 0, time: time)
    }

    init(name: Int, channels: Int, status: Int, agent: Int, time: Int) {
        self.name = name
        self.channels = channels
        self.status = status
        self.agent = agent
        self.time = time
    }

    /// A column with the one-space gap before it, or nothing.
    private static func gapped(_ width: Int) -> Int { width > 0 ? width + 1 : 0 }
}
