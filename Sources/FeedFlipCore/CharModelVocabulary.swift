/// A character vocabulary: the Unicode scalars of a training text plus two reserved symbols.
///
/// Ids are `Int32`. Id 0 (`boundary`) marks the edges of a story: it fills the context before
/// a story's first character and is the target after its last one (the "end of story" that a
/// model predicts like any character). Id 1 (`unknown`) stands for every scalar that did not
/// occur in the training text. Ids 2... are the training scalars in increasing code-point
/// order, so the vocabulary of a text does not depend on the order of its stories.
public struct CharVocabulary: Hashable, Sendable, Codable {
    /// The id of the story-boundary symbol (context padding and end-of-story target).
    public static let boundary: Int32 = 0
    /// The id of the unknown symbol (any scalar not seen in training).
    public static let unknown: Int32 = 1
    /// The number of reserved ids before the first scalar.
    public static let reservedCount = 2

    /// The scalar values of ids 2..., in increasing order.
    public let scalars: [UInt32]

    /// Builds the vocabulary of the scalars that occur in `texts`.
    public init<S: Sequence>(counting texts: S) where S.Element == String {
        var seen = Set<UInt32>()
        for text in texts {
            for s in text.unicodeScalars { seen.insert(s.value) }
        }
        self.scalars = seen.sorted()
    }

    /// Builds a vocabulary from an explicit list of scalar values (sorted and de-duplicated).
    public init(scalars: [UInt32]) {
        self.scalars = Array(Set(scalars)).sorted()
    }

    /// The number of ids, reserved symbols included (the model's output size).
    public var count: Int { scalars.count + Self.reservedCount }

    /// The id of one scalar; `unknown` when it is not in the vocabulary.
    public func id(of scalar: Unicode.Scalar) -> Int32 {
        var lo = 0, hi = scalars.count
        let v = scalar.value
        while lo < hi {
            let mid = (lo + hi) / 2
            if scalars[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        if lo < scalars.count && scalars[lo] == v { return Int32(lo + Self.reservedCount) }
        return Self.unknown
    }

    /// Encodes a text scalar by scalar (no boundary symbols are added).
    public func encode(_ text: String) -> [Int32] {
        var table = [UInt32: Int32](minimumCapacity: scalars.count)
        for (i, s) in scalars.enumerated() { table[s] = Int32(i + Self.reservedCount) }
        var out = [Int32]()
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { out.append(table[s.value] ?? Self.unknown) }
        return out
    }

    /// Decodes ids to text: `boundary` becomes `boundaryText`, `unknown` and ids out of range
    /// become U+FFFD (the replacement character).
    public func decode<C: Collection>(_ ids: C, boundaryText: String = "\n") -> String where C.Element == Int32 {
        var out = String.UnicodeScalarView()
        for id in ids {
            if id == Self.boundary {
                out.append(contentsOf: boundaryText.unicodeScalars)
                continue
            }
            let i = Int(id) - Self.reservedCount
            if i >= 0, i < scalars.count, let s = Unicode.Scalar(scalars[i]) {
                out.append(s)
            } else {
                out.append("\u{FFFD}")
            }
        }
        return String(out)
    }
}
