/// Context windows over encoded stories: the previous `context` symbols -> the next symbol.
///
/// Layout: every story is preceded by `context` boundary symbols, and one final boundary
/// closes the stream, so `stream` = (B^k s_1 B^k s_2 ... B^k s_n) B with B = boundary and
/// k = context. The targets are every character of every story and the first boundary after
/// each story (the end-of-story symbol). The window of a target at stream position t is the
/// contiguous slice `stream[t-k ..< t]`: it never reaches into the previous story (the k
/// boundaries in between hide it), and at a story's start it is all boundaries.
/// A corpus of n stories with L characters in total has L + n targets.
public struct CharWindows: Sendable {
    /// The number of previous symbols a window holds (k).
    public let context: Int
    /// The padded symbol stream described above.
    public let stream: [Int32]
    /// Stream positions of the targets, in stream order; each is >= `context`.
    public let targetPositions: [Int32]

    /// Lays out `stories` (each already encoded, without boundary symbols).
    /// - Precondition: `context >= 1`.
    public init(stories: [[Int32]], context: Int) {
        precondition(context >= 1, "context must be at least 1")
        self.context = context
        let total = stories.reduce(0) { $0 + $1.count + context } + 1
        var stream = [Int32]()
        stream.reserveCapacity(total)
        var targets = [Int32]()
        targets.reserveCapacity(total - stories.count * (context - 1))
        for (n, story) in stories.enumerated() {
            for j in 0..<context {
                // The first boundary after a story is that story's end-of-story target.
                if j == 0 && n > 0 { targets.append(Int32(stream.count)) }
                stream.append(CharVocabulary.boundary)
            }
            for c in story {
                targets.append(Int32(stream.count))
                stream.append(c)
            }
        }
        if !stories.isEmpty { targets.append(Int32(stream.count)) }
        stream.append(CharVocabulary.boundary)
        self.stream = stream
        self.targetPositions = targets
    }

    /// The number of windows (targets).
    public var count: Int { targetPositions.count }

    /// Window `i`: its context (oldest symbol first) and the symbol that follows.
    public func window(_ i: Int) -> (context: ArraySlice<Int32>, next: Int32) {
        let t = Int(targetPositions[i])
        return (stream[(t - context)..<t], stream[t])
    }

    /// Copies the windows `indices` into `contexts` (row-major, (indices.count, context)) and
    /// their next symbols into `targets` (indices.count).
    public func gather(_ indices: ArraySlice<Int>, contexts: inout [Int32], targets: inout [Int32]) {
        let k = context
        contexts.removeAll(keepingCapacity: true)
        targets.removeAll(keepingCapacity: true)
        stream.withUnsafeBufferPointer { s in
            for i in indices {
                let t = Int(targetPositions[i])
                contexts.append(contentsOf: s[(t - k)..<t])
                targets.append(s[t])
            }
        }
    }
}
