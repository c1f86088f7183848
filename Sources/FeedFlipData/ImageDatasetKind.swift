/// The IDX image datasets the store knows: their folder, files and published checksums.
public enum ImageDatasetKind: String, CaseIterable, Codable, Hashable, Sendable {
    /// LeCun, Cortes and Burges's handwritten digits.
    case mnist
    /// Zalando's Fashion-MNIST (same format and sizes).
    case fashionMNIST = "fashion-mnist"

    /// The folder name under a data root, also the name on the command line.
    public var folder: String { rawValue }

    /// Looks a dataset up by its command-line name.
    /// - Throws: `DataError.unknownDataset` listing the known names.
    public static func named(_ name: String) throws(DataError) -> ImageDatasetKind {
        guard let k = ImageDatasetKind(rawValue: name) else { throw .unknownDataset(name, known: allCases.map(\.rawValue)) }
        return k
    }

    /// The four canonical file names (gzip), in the order train images, train labels, test images, test labels.
    public static let fileNames = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                   "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]

    /// SHA-256 of each file's decompressed content (the gzip headers differ between copies), from
    /// `../shared/data/README.md`; nil when no published table is known (Fashion-MNIST).
    public var decompressedSHA256: [String: String]? {
        switch self {
        case .mnist:
            return [
                "train-images-idx3-ubyte.gz": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                "train-labels-idx1-ubyte.gz": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                "t10k-images-idx3-ubyte.gz": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                "t10k-labels-idx1-ubyte.gz": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
            ]
        case .fashionMNIST:
            return nil
        }
    }

    /// Public mirrors that serve the four files under their canonical names (tried in order).
    public var mirrors: [String] {
        switch self {
        case .mnist:
            return ["https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/"]
        case .fashionMNIST:
            return ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"]
        }
    }

    /// System folders that hold the files directly (Debian's `dataset-fashion-mnist` package).
    public var systemFolders: [String] {
        switch self {
        case .mnist: return []
        case .fashionMNIST: return ["/usr/share/datasets/fashion-mnist"]
        }
    }

    /// Number of classes (both datasets have 10).
    public var classes: Int { 10 }
}
