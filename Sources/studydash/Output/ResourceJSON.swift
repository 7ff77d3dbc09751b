import StudyCore

/// A resource's fields as every command prints them in JSON.
enum ResourceJSON {
    static func write(_ resource: Resource, into writer: inout JSONWriter) {
        writer.beginObject()
        fields(resource, into: &writer)
        writer.endObject()
    }

    static func fields(_ resource: Resource, into writer: inout JSONWriter) {
        writer.value("id", resource.id)
        writer.value("title", resource.title)
        writer.value("url", resource.url)
        writer.value("description", resource.description)
        writer.value("source", resource.source)
        writer.value("checkbox", resource.checkbox)
    }
}
