import Foundation

/// Validates JSON documents against our schemas (`Reports/schema/`) with python3's
/// jsonschema (Draft 2020-12), the validator CI installs (`python3-jsonschema`).
public enum JSONSchemaCheck {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "python3 with jsonschema is needed (CI installs python3-jsonschema)" }
    }

    private static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
        """

    /// nil when `document` is valid against `Reports/schema/<schema>`, else the validator's
    /// complaint. Throws `Unavailable` when python3 or jsonschema is missing.
    public static func problems(in document: String, schema: String) throws -> String? {
        guard try Subprocess.run("python3", ["-c", "import jsonschema"]).status == 0 else { throw Unavailable() }
        let schemaPath = try FixturePaths.repositoryRoot().appendingPathComponent("Reports/schema/\(schema)").path
        let directory = try TemporaryDirectory()
        let path = directory.path("document.json")
        try document.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try Subprocess.run("python3", ["-c", script, schemaPath, path])
        return outcome.status == 0 ? nil : outcome.error
    }
}
