import Foundation

/// Validates JSON documents against our schemas (`Reports/schema/`) with python3's
/// jsonschema (Draft 2020-12), the validator CI installs (`python3-jsonschema`).
public enum JSONSchemaCheck {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "python3 with jsonschema is needed (CI installs python3-jsonschema)" }
    }

    /// Prints one line `INDEX: complaint` per invalid document.
    private static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for index, path in enumerate(sys.argv[2:]):
            for error in validator.iter_errors(json.load(open(path))):
                print(f"{index}: {error.message} at {list(error.absolute_path)}")
        """

    /// nil when `document` is valid against `Reports/schema/<schema>`, else the validator's
    /// complaint. Throws `Unavailable` when python3 or jsonschema is missing.
    public static func problems(in document: String, schema: String) throws -> String? {
        try problems(in: [document], schema: schema)[0]
    }

    /// For each document, nil when valid, else the validator's complaints; one python3 run.
    public static func problems(in documents: [String], schema: String) throws -> [String?] {
        guard try Subprocess.run("python3", ["-c", "import jsonschema"]).status == 0 else { throw Unavailable() }
        let schemaPath = try FixturePaths.repositoryRoot().appendingPathComponent("Reports/schema/\(schema)").path
        let directory = try TemporaryDirectory()
        var paths: [String] = []
        for (index, document) in documents.enumerated() {
            paths.append(directory.path("\(index).json"))
            try document.write(toFile: paths[index], atomically: false, encoding: .utf8)
        }
        let outcome = try Subprocess.run("python3", ["-c", script, schemaPath] + paths)
        guard outcome.status == 0 else { throw ValidatorFailed(message: outcome.error) }
        var complaints = [String?](repeating: nil, count: documents.count)
        for line in outcome.output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), let index = Int(line[..<colon]),
                  complaints.indices.contains(index) else { continue }
            complaints[index] = (complaints[index].map { $0 + "; " } ?? "") + line[line.index(after: colon)...]
        }
        return complaints
    }

    public struct ValidatorFailed: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "the schema validator failed: \(message)" }
    }
}
