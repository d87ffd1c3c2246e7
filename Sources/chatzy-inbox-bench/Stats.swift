/// Percentiles by the nearest-rank method over a set of samples.
struct Samples {
    private(set) var values: [Double] = []

    mutating func add(_ value: Double) { values.append(value) }

    var count: Int { values.count }

    /// The smallest sample at or above fraction `p` (0...1) of the sorted samples; nil when empty.
    func percentile(_ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }

    var p50: Double? { percentile(0.5) }
    var p99: Double? { percentile(0.99) }
    var max: Double? { values.max() }
    var mean: Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
}
