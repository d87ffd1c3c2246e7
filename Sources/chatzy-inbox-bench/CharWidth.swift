#if canImport(Glibc)
import Glibc
#endif

/// Terminal column width of a scalar, as the C library's `wcwidth` gives it under the
/// bench's C.UTF-8 locale (the same rule ncurses and terminals use). `wcwidth` is not
/// imported into Swift, so it is looked up once.
enum CharWidth {
    private typealias WcWidth = @convention(c) (Int32) -> Int32

    private static let function: WcWidth? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: WcWidth.self)
    }()

    /// 0 for combining marks and joiners, 2 for wide characters, 1 otherwise (and for the unprintable).
    static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return 1 }
        guard let function else { return scalar.properties.generalCategory == .nonspacingMark ? 0 : 1 }
        let width = Int(function(Int32(bitPattern: scalar.value)))
        return width < 0 ? 1 : width
    }
}
