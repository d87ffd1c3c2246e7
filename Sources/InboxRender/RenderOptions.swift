import Foundation

/// What a frame depends on besides the view-model: the time (for ages and the spinner's
/// phase) and the symbols the terminal can show.
public struct RenderOptions: Equatable, Sendable {
    /// The wall-clock time ages are measured against.
    public var now: Date
    public var glyphs: Glyphs
    /// The spinner's frame while the user has been waiting 200 ms or more; nil hides it.
    public var spinnerFrame: Int?

    public init(now: Date, glyphs: Glyphs = .unicode, spinnerFrame: Int? = nil) {
        self.now = now
        self.glyphs = glyphs
        self.spinnerFrame = spinnerFrame
    }
}
