import FeedFlipCore

/// An image classification dataset loaded for training: standardised dense splits and the
/// facts a report records about them.
public struct ImageDataset: Sendable {
    /// Which dataset.
    public var kind: ImageDatasetKind
    /// Training images (count, rows·cols) as standardised Float, and labels.
    public var train: DenseSplit
    /// Test images, standardised with the training statistics, and labels.
    public var test: DenseSplit
    /// Number of classes.
    public var classes: Int
    /// Mean of the training pixels in [0, 1] (before standardisation).
    public var pixelMean: Double
    /// Standard deviation of the training pixels in [0, 1].
    public var pixelStd: Double
    /// SHA-256 of each file's decompressed content, keyed by canonical `.gz` name.
    public var sha256: [String: String]
    /// The folder the files were read from.
    public var folder: String

    /// Loads `kind` from the folder that `store` locates (see `load(kind:folder:files:)`).
    /// - Throws: `DataError` for a missing, truncated, corrupt or mismatched file.
    public static func load(_ kind: ImageDatasetKind, store: DataStore, verifyChecksums: Bool = true,
                            trainLimit: Int? = nil, testLimit: Int? = nil) throws(DataError) -> ImageDataset {
        let (folder, files) = try store.locate(kind)
        return try load(kind, folder: folder, files: files, verifyChecksums: verifyChecksums,
                        trainLimit: trainLimit, testLimit: testLimit)
    }

    /// Loads the four IDX files (`files` maps canonical names to paths): checks magic numbers,
    /// 28x28 images (any equal trailing dims of the two image files), counts, labels < 10 and,
    /// when `verifyChecksums` and the dataset has a published table, the decompressed SHA-256.
    /// Pixels become `x / 255`, then `(x - mean) / std` with the mean and standard deviation of all
    /// pixels of the (possibly limited) training images. `trainLimit`/`testLimit` keep the first
    /// examples only (the checksums still cover the whole files).
    /// - Throws: `DataError` naming the file and the problem.
    public static func load(_ kind: ImageDatasetKind, folder: String, files: [String: String],
                            verifyChecksums: Bool = true, trainLimit: Int? = nil,
                            testLimit: Int? = nil) throws(DataError) -> ImageDataset {
        let names = ImageDatasetKind.fileNames
        var arrays: [IDXArray] = []
        var paths: [String] = []
        var sums: [String: String] = [:]
        for (i, name) in names.enumerated() {
            guard let path = files[name] else {
                throw .notFound(dataset: kind.rawValue, missing: [name], searched: [folder])
            }
            let raw = try GzipReader.contents(of: path)
            let isImages = i % 2 == 0
            let a = try IDX.parse(raw, path: path, expectedMagic: isImages ? IDX.imagesMagic : IDX.labelsMagic)
            let sha = SHA256Hasher.hex(raw)
            if verifyChecksums, let want = kind.decompressedSHA256?[name], want != sha {
                throw .checksumMismatch(path: path, expected: want, actual: sha)
            }
            if !isImages, let bad = a.bytes.firstIndex(where: { Int($0) >= kind.classes }) {
                throw .malformed(path: path, place: "label \(bad)", problem: "value \(a.bytes[bad]), expected 0..<\(kind.classes)",
                                 fix: "the labels file is corrupt: fetch it again")
            }
            arrays.append(a)
            paths.append(path)
            sums[name] = sha
        }
        let (trImg, trLab, teImg, teLab) = (arrays[0], arrays[1], arrays[2], arrays[3])
        for i in [0, 2] where arrays[i].count != arrays[i + 1].count {
            throw .countMismatch(images: paths[i], labels: paths[i + 1], imageCount: arrays[i].count, labelCount: arrays[i + 1].count)
        }
        guard trImg.dims.dropFirst() == teImg.dims.dropFirst() else {
            throw .malformed(path: paths[2], place: "header dimensions",
                             problem: "test images are \(Array(teImg.dims.dropFirst())), training images \(Array(trImg.dims.dropFirst()))",
                             fix: "use the matching dataset files")
        }
        let dim = trImg.dims.dropFirst().reduce(1, *)
        let nTrain = min(trainLimit ?? trImg.count, trImg.count)
        let nTest = min(testLimit ?? teImg.count, teImg.count)
        // Statistics of the used training pixels, in Double.
        var s = 0.0, s2 = 0.0
        var hist = [Int](repeating: 0, count: 256)
        for b in trImg.bytes[0..<(nTrain * dim)] { hist[Int(b)] += 1 }
        for (v, c) in hist.enumerated() {
            let x = Double(v) / 255
            s += x * Double(c); s2 += x * x * Double(c)
        }
        let n = Double(max(1, nTrain * dim))
        let mean = s / n
        let std = max((s2 / n - mean * mean).squareRoot(), 1e-12)
        // One lookup table maps a byte to its standardised Float.
        let table = (0..<256).map { Float((Double($0) / 255 - mean) / std) }
        func features(_ a: IDXArray, _ k: Int) -> [Float] { a.bytes[0..<(k * dim)].map { table[Int($0)] } }
        func labels(_ a: IDXArray, _ k: Int) -> [Int32] { a.bytes[0..<k].map { Int32($0) } }
        return ImageDataset(kind: kind,
                            train: DenseSplit(features: features(trImg, nTrain), labels: labels(trLab, nTrain), dim: dim),
                            test: DenseSplit(features: features(teImg, nTest), labels: labels(teLab, nTest), dim: dim),
                            classes: kind.classes, pixelMean: mean, pixelStd: std, sha256: sums, folder: folder)
    }
}
