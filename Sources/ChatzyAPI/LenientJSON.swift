import Foundation

/// Shared pieces of the lenient decoders: reading a field as whatever it turned out to be,
/// and describing a body that could not be read at all.
enum LenientJSON {
    /// How many bytes of an unreadable body are kept for the log.
    static let prefixLength = 200

    /// The first 200 bytes of a body as text (invalid UTF-8 repaired), fit for a log line.
    static func bodyPrefix(_ body: Data) -> String {
        String(decoding: body.prefix(prefixLength), as: UTF8.self)
    }

    /// A short, person-readable reason for a decoding failure of the whole body.
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: return "not JSON"
        case DecodingError.keyNotFound(let key, let context):
            let path = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            return "missing \"\(path)\""
        case DecodingError.typeMismatch(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "unexpected shape" : "unexpected type at \(path)"
        case DecodingError.valueNotFound(_, let context):
            return "null at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "unexpected shape"
        }
    }

    /// Epoch numbers above this are taken as milliseconds, below as seconds (year 5138 in seconds).
    static let millisecondThreshold = 100_000_000_000.0
}

/// A coding key made from any string, for objects whose keys are not known in advance.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer {
    /// A string, a number or a boolean as text; nil for null, missing or anything else.
    func lenientString(_ key: Key) -> String? {
        if let s = try? decodeIfPresent(String.self, forKey: key) { return s }
        if let i = try? decodeIfPresent(Int64.self, forKey: key) { return String(i) }
        if let d = try? decodeIfPresent(Double.self, forKey: key) { return d.isFinite ? String(d) : nil }
        if let b = try? decodeIfPresent(Bool.self, forKey: key) { return String(b) }
        return nil
    }

    /// A non-empty string, or nil (the UI shows "—" either way).
    func lenientText(_ key: Key) -> String? {
        guard let text = lenientString(key), !text.isEmpty else { return nil }
        return text
    }

    /// An integer given as a number or as digits in a string; nil otherwise.
    func lenientInt(_ key: Key) -> Int? {
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return i }
        if let d = try? decodeIfPresent(Double.self, forKey: key), d.isFinite, d == d.rounded(),
           abs(d) < 9e15 { return Int(d) }
        if let s = try? decodeIfPresent(String.self, forKey: key) {
            return Int(s.trimmingWhitespace)
        }
        return nil
    }

    /// A boolean given as `true`/`false`, `"true"`/`"false"` or `1`/`0`; nil otherwise.
    func lenientBool(_ key: Key) -> Bool? {
        if let b = try? decodeIfPresent(Bool.self, forKey: key) { return b }
        if let i = try? decodeIfPresent(Int.self, forKey: key), i == 0 || i == 1 { return i == 1 }
        switch (try? decodeIfPresent(String.self, forKey: key))?.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: return nil
        }
    }

    /// An ISO 8601 timestamp, or an epoch number (seconds, or milliseconds when large); nil otherwise.
    func lenientDate(_ key: Key) -> Date? {
        if let s = try? decodeIfPresent(String.self, forKey: key) { return Contact.lenientDate(s) }
        if let d = try? decodeIfPresent(Double.self, forKey: key), d.isFinite { return Contact.epochDate(d) }
        return nil
    }

    /// An array of strings, skipping entries that are not strings; a lone string becomes one entry.
    func lenientStrings(_ key: Key) -> [String] {
        if let many = try? decodeIfPresent([LenientString].self, forKey: key) {
            return many.compactMap(\.value).filter { !$0.isEmpty }
        }
        if let one = lenientString(key), !one.isEmpty { return [one] }
        return []
    }
}

/// A JSON value read as text when it is a string or a number, else nil.
struct LenientString: Decodable {
    let value: String?

    init(from decoder: any Decoder) {
        guard let c = try? decoder.singleValueContainer() else { value = nil; return }
        if let s = try? c.decode(String.self) { value = s } else if let i = try? c.decode(Int64.self) { value = String(i) } else { value = nil }
    }
}

/// One entry of an array that may fail to decode: the value, or nil (counted as skipped).
struct Lossy<Value: Decodable>: Decodable {
    let value: Value?

    init(from decoder: any Decoder) {
        value = try? Value(from: decoder)
    }
}

extension Contact {
    /// A timestamp given as text: ISO 8601, or an epoch number (seconds, or milliseconds when
    /// large); nil otherwise.
    static func lenientDate(_ text: String) -> Date? {
        if let date = WireDate.parse(text.trimmingWhitespace) { return date }
        guard let number = Double(text), number.isFinite else { return nil }
        return epochDate(number)
    }

    /// An epoch number as a date: seconds, or milliseconds above `millisecondThreshold`;
    /// nil when not positive.
    static func epochDate(_ number: Double) -> Date? {
        guard number > 0 else { return nil }
        let seconds = number >= LenientJSON.millisecondThreshold ? number / 1000 : number
        return Date(timeIntervalSince1970: seconds)
    }
}
