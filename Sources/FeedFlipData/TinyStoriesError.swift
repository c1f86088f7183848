/// A problem with TinyStories text: the message names the file, the place, what was expected
/// and what to do, so the command line can print one line and exit 2.
public enum TinyStoriesError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read (missing, a folder, no permission).
    case unreadable(path: String, reason: String)
    /// The file holds zero bytes.
    case emptyFile(path: String)
    /// The bytes at `byteOffset` (0-based) are not valid UTF-8.
    case invalidUTF8(path: String, byteOffset: Int)
    /// The file has bytes but no story with any non-whitespace text.
    case noStories(path: String, format: TinyStoriesFormat)
    /// A split would leave the training or the validation part without stories.
    case emptySplit(part: String, stories: Int, validationFraction: Double)
    /// A downloaded file did not match its expected size or SHA-256.
    case checksumMismatch(path: String, expected: String, actual: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read TinyStories text (\(reason)); put the file there or run `feedflip fetch tinystories`"
        case let .emptyFile(path):
            return "\(path): the file is empty (0 bytes); expected UTF-8 TinyStories text; re-download it with `feedflip fetch tinystories`"
        case let .invalidUTF8(path, offset):
            return "\(path): invalid UTF-8 at byte offset \(offset); expected UTF-8 TinyStories text; re-download or re-encode the file"
        case let .noStories(path, format):
            return "\(path): no stories found (format \(format.rawValue): only separators or whitespace); expected at least one story of text"
        case let .emptySplit(part, stories, fraction):
            return "split of \(stories) stories with validation fraction \(fraction) leaves the \(part) part empty; use more stories or a fraction strictly between 0 and 1"
        case let .checksumMismatch(path, expected, actual):
            return "\(path): checksum mismatch: expected \(expected), got \(actual); delete the file and fetch it again"
        }
    }
}
