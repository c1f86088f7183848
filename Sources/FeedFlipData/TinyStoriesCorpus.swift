import Foundation

/// How a TinyStories text file marks story boundaries.
public enum TinyStoriesFormat: String, Sendable, Codable, CaseIterable {
    /// V2 files: every story is followed by a line holding only `<|endoftext|>`
    /// (surrounding spaces, tabs and a CR are ignored). Text after the last separator is a
    /// story too.
    case endOfText
    /// One story per line (V1 exports such as `TinyStories-1000.txt`).
    case onePerLine
    /// The whole file is one text with no recoverable story boundaries (for example the
    /// blank-line-separated V1 validation head): use it only as flat held-out text.
    case flat
}

/// The stories of one TinyStories text file, in file order.
///
/// Every story is trimmed of leading and trailing ASCII whitespace, CR LF line ends become
/// LF, and empty stories (two separators in a row, blank lines) are skipped and counted.
public struct TinyStoriesCorpus: Sendable, Hashable {
    /// The separator line of the V2 files.
    public static let separator = "<|endoftext|>"

    /// The stories in file order, each non-empty.
    public let stories: [String]
    /// The format the file was read as.
    public let format: TinyStoriesFormat
    /// Empty stories that were skipped.
    public let skippedEmpty: Int
    /// The path or name the text came from (for messages).
    public let source: String

    /// Wraps stories that are already separated (each is trimmed; empty ones are skipped).
    public init(stories: [String], format: TinyStoriesFormat = .endOfText, source: String = "<memory>") {
        var kept = [String]()
        var skipped = 0
        for s in stories {
            let bytes = Self.trimmed(Array(s.utf8)[...])
            if bytes.isEmpty { skipped += 1 } else { kept.append(String(decoding: bytes, as: UTF8.self)) }
        }
        self.stories = kept
        self.format = format
        self.skippedEmpty = skipped
        self.source = source
    }

    /// Reads a TinyStories file. `format` nil detects it: `.endOfText` when any line holds only
    /// the separator, else `.onePerLine`. (Pass `.flat` explicitly for blank-line files.)
    /// - Throws: `DataError.unreadable`, or `.malformed` for an empty file (place "whole file"),
    ///   invalid UTF-8 (place "byte offset N", the first bad byte) or a file without any story.
    public static func load(url: URL, format: TinyStoriesFormat? = nil) throws(DataError) -> TinyStoriesCorpus {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try parse([UInt8](data), format: format, source: url.path)
    }

    /// Parses the bytes of a TinyStories file; see `load(url:format:)`.
    public static func parse(_ bytes: [UInt8], format: TinyStoriesFormat? = nil,
                             source: String = "<memory>") throws(DataError) -> TinyStoriesCorpus {
        if bytes.isEmpty {
            throw .malformed(path: source, place: "whole file", problem: "the file is empty (0 bytes), expected UTF-8 TinyStories text",
                             fix: Self.refetch)
        }
        if let bad = TextUTF8.firstInvalidOffset(bytes) {
            throw .malformed(path: source, place: "byte offset \(bad)",
                             problem: String(format: "invalid UTF-8 (byte 0x%02X), expected UTF-8 TinyStories text", bytes[bad]),
                             fix: Self.refetch)
        }

        // Line ranges (without the LF and a trailing CR).
        var lines = [Range<Int>]()
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            lines.append(start..<Self.dropCR(bytes, start, i))
            start = i + 1
        }
        if start < bytes.count { lines.append(start..<Self.dropCR(bytes, start, bytes.count)) }

        let sep = Array(separator.utf8)
        let isSeparator = lines.map { Self.trimmed(bytes[$0]).elementsEqual(sep) }
        let fmt = format ?? (isSeparator.contains(true) ? .endOfText : .onePerLine)

        var pieces = [[UInt8]]()
        switch fmt {
        case .onePerLine:
            for r in lines { pieces.append(Array(bytes[r])) }
        case .endOfText, .flat:
            var current = [UInt8]()
            var hasLines = false
            for (r, sepLine) in zip(lines, isSeparator) {
                if fmt == .endOfText && sepLine {
                    pieces.append(current)
                    current.removeAll(keepingCapacity: true)
                    hasLines = false
                    continue
                }
                if hasLines { current.append(0x0A) }
                current.append(contentsOf: bytes[r])
                hasLines = true
            }
            // Text after the last separator (or the whole flat file); an empty tail is not a story.
            if !trimmed(current[...]).isEmpty || fmt == .flat { pieces.append(current) }
        }

        var stories = [String]()
        var skipped = 0
        for p in pieces {
            let t = trimmed(p[...])
            if t.isEmpty { skipped += 1 } else { stories.append(String(decoding: t, as: UTF8.self)) }
        }
        if stories.isEmpty {
            throw .malformed(path: source, place: "whole file",
                             problem: "no stories found (read as \(fmt.rawValue): only separators or whitespace), expected at least one story",
                             fix: Self.refetch)
        }
        return TinyStoriesCorpus(checked: stories, format: fmt, skippedEmpty: skipped, source: source)
    }

    private init(checked stories: [String], format: TinyStoriesFormat, skippedEmpty: Int, source: String) {
        self.stories = stories
        self.format = format
        self.skippedEmpty = skippedEmpty
        self.source = source
    }

    /// The number of stories.
    public var count: Int { stories.count }

    /// The total number of Unicode scalars over all stories.
    public var scalarCount: Int { stories.reduce(0) { $0 + $1.unicodeScalars.count } }

    /// What to do about a bad file.
    static let refetch = "re-download it with `feedflip fetch tinystories` or point --data-dir at a good copy"

    private static func dropCR(_ b: [UInt8], _ start: Int, _ end: Int) -> Int {
        end > start && b[end - 1] == 0x0D ? end - 1 : end
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// `b` without leading and trailing ASCII whitespace.
    static func trimmed(_ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = b.startIndex, hi = b.endIndex
        while lo < hi && isSpace(b[lo]) { lo += 1 }
        while hi > lo && isSpace(b[hi - 1]) { hi -= 1 }
        return b[lo..<hi]
    }
}
