import Foundation

/// A parsed `config.toml`: the small subset of TOML the settings need —
/// `key = "string"`, `key = 123`, `key = true|false`, `#` comments and blank lines.
///
/// Every value remembers its line so that a later type or range error can name it.
/// Tables, arrays, dotted keys, floats and multi-line strings are refused with the line.
public struct ConfigFile: Equatable, Sendable {
    /// A value as written in the file.
    public enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)

        /// "a string", "an integer", "true or false": for messages.
        public var kindName: String {
            switch self {
            case .string: return "a string"
            case .integer: return "an integer"
            case .boolean: return "true or false"
            }
        }
    }

    /// One `key = value` line.
    public struct Entry: Equatable, Sendable {
        public var value: Value
        /// 1-based line number.
        public var line: Int
    }

    /// Where the file was read from, for messages ("config.toml" in tests).
    public var path: String
    public var entries: [String: Entry]

    public init(path: String, entries: [String: Entry] = [:]) {
        self.path = path
        self.entries = entries
    }

    /// Parses `text`; throws on the first line that is not in the subset, naming it.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        var file = ConfigFile(path: path)
        var number = 0
        // "\r\n" is one Character in Swift: split on both forms of line break.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("[") {
                throw ConfigError(path: path, line: number, key: nil, problem: "tables ([section]) are not used; write key = value lines")
            }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw ConfigError(path: path, line: number, key: nil, problem: "expected key = value")
            }
            let key = String(trimmed[..<equals].trimmingSpaces())
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw ConfigError(path: path, line: number, key: key.isEmpty ? nil : key, problem: "expected a bare key (letters, digits, _ or -) before =")
            }
            let value = try parseValue(trimmed[trimmed.index(after: equals)...].trimmingSpaces(), path: path, line: number, key: key)
            if let earlier = file.entries[key] {
                throw ConfigError(path: path, line: number, key: key, problem: "is already set on line \(earlier.line)")
            }
            file.entries[key] = Entry(value: value, line: number)
        }
        return file
    }

    private static func parseValue(_ text: Substring, path: String, line: Int, key: String) throws(ConfigError) -> Value {
        func fail(_ problem: String) -> ConfigError { ConfigError(path: path, line: line, key: key, problem: problem) }
        guard let first = text.first else { throw fail("has no value") }
        if first == "\"" || first == "'" {
            let (string, rest) = try parseString(text, path: path, line: line, key: key)
            let after = rest.trimmingSpaces()
            guard after.isEmpty || after.hasPrefix("#") else { throw fail("has text after the closing quote") }
            return .string(string)
        }
        let token = (text.firstIndex(of: "#").map { text[..<$0] } ?? text).trimmingSpaces()
        if token == "true" { return .boolean(true) }
        if token == "false" { return .boolean(false) }
        let digits = token.replacingOccurrences(of: "_", with: "")
        if let number = Int(digits), !token.hasPrefix("_"), !token.hasSuffix("_") { return .integer(number) }
        if token.hasPrefix("[") || token.hasPrefix("{") { throw fail("arrays and tables are not supported") }
        throw fail("has a value that is not a \"quoted string\", an integer, true or false: \(token)")
    }

    /// A basic ("…", with escapes) or literal ('…') one-line string; returns it and the rest of the line.
    private static func parseString(_ text: Substring, path: String, line: Int, key: String) throws(ConfigError) -> (String, Substring) {
        func fail(_ problem: String) -> ConfigError { ConfigError(path: path, line: line, key: key, problem: problem) }
        let quote = text.first!
        if text.hasPrefix(String(repeating: quote, count: 3)) { throw fail("multi-line strings are not supported") }
        var out = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let c = text[index]
            if c == quote { return (out, text[text.index(after: index)...]) }
            if c == "\\" && quote == "\"" {
                index = text.index(after: index)
                guard index < text.endIndex else { break }
                switch text[index] {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "u", "U":
                    let length = text[index] == "u" ? 4 : 8
                    let start = text.index(after: index)
                    guard let end = text.index(start, offsetBy: length, limitedBy: text.endIndex),
                          let code = UInt32(text[start..<end], radix: 16), let scalar = Unicode.Scalar(code)
                    else { throw fail("has a bad \\u escape") }
                    out.unicodeScalars.append(scalar)
                    index = text.index(before: end)
                default: throw fail("has an unknown escape \\\(text[index])")
                }
            } else if c.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
                throw fail("has a control character in its string")
            } else {
                out.append(c)
            }
            index = text.index(after: index)
        }
        throw fail("has a string without its closing quote")
    }
}

/// Why the config file could not be used: one line naming the file, the line and the key.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based; nil when the whole file is the problem (unreadable).
    public var line: Int?
    public var key: String?
    public var problem: String

    public init(path: String, line: Int?, key: String?, problem: String) {
        self.path = path
        self.line = line
        self.key = key
        self.problem = problem
    }

    /// "config file /x/config.toml, line 3: page_size must be from 1 to 100, got 500".
    public var description: String {
        var text = "config file \(path)"
        if let line { text += ", line \(line)" }
        text += ": "
        if let key { text += "\(key) " }
        return text + problem
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
