/// Why a minibatch run cannot start: the problem and what to change.
public enum MinibatchError: Error, Equatable, CustomStringConvertible {
    /// A configuration field is out of range (the message names it).
    case invalidConfig(String)
    /// A label is outside 0..<classes: the split, the example index, the label and the class count.
    case labelOutOfRange(split: SplitRole, index: Int, label: Int32, classes: Int)
    /// The variant needs width >= classes (ortho feedback) but the configuration has fewer units.
    case widthBelowClasses(width: Int, classes: Int, variant: String)
    /// An input encoder's dimension or a split size does not fit the network.
    case shapeMismatch(String)

    public var description: String {
        switch self {
        case let .invalidConfig(m):
            return "invalid minibatch configuration: \(m)"
        case let .labelOutOfRange(split, index, label, classes):
            return "\(split.rawValue) example \(index) has label \(label), expected 0..<\(classes); check the dataset's label file"
        case let .widthBelowClasses(width, classes, variant):
            return "variant \"\(variant)\" uses ortho feedback, which needs width >= classes; width \(width) < \(classes) classes: raise the width"
        case let .shapeMismatch(m):
            return "shape mismatch: \(m)"
        }
    }
}
