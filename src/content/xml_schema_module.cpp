// The moudesk-xml-schema module: XSD validation with libxml2 (xml_schema_module.h says why it is
// a module). Compiles schemas and validates texts, every message collected with line and column.

#include "xml_schema_module.h"

#include <algorithm>
#include <vector>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "moudesk/content/xml.h"

namespace moudesk::content {
namespace {

// One error as the structured handler saw it; libxml2 frees its own copy afterwards.
struct Collected {
    int line = 0;
    int column = 0;  // libxml2 gives it for parse errors only
    bool warning = false;
    std::string message;
};

void collect(void* user, xmlErrorPtr error) {
    if (!error) return;
    std::string message = error->message ? error->message : "unknown error";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    static_cast<std::vector<Collected>*>(user)->push_back(
        {error->line, error->int2, error->level == XML_ERR_WARNING, std::move(message)});
}

// libxml2 names the element, and often the attribute, in its validity messages:
// "Element 'commitment', attribute 'due': …". Take them to find the column on the line.
std::string quoted_after(const std::string& message, std::string_view marker) {
    const auto at = message.find(marker);
    if (at == std::string::npos) return {};
    const auto start = at + marker.size();
    const auto end = message.find('\'', start);
    if (end == std::string::npos) return {};
    return message.substr(start, end - start);
}

// The column libxml2 does not give for validity errors: where the element (or its attribute)
// named in the message is written on that line; the first non-blank character otherwise.
int column_on_line(const xml::SourceMap& map, int line, const std::string& message) {
    const std::string_view src = map.source();
    const std::size_t begin = map.line_start(line);
    const std::size_t end = std::min(src.find('\n', begin), src.size());
    const std::string_view text = src.substr(begin, end - begin);
    std::size_t col = text.find_first_not_of(" \t\r");
    if (col == std::string_view::npos) col = 0;
    std::string element = quoted_after(message, "Element '");
    // A qualified name "{ns}local" never occurs here (no namespace), but be safe.
    if (const auto brace = element.rfind('}'); brace != std::string::npos) element.erase(0, brace + 1);
    const std::string attribute = quoted_after(message, "attribute '");
    const std::string value = quoted_after(message, "The value '");
    // Most precise first: the attribute with the value complained about, which tells apart
    // two elements of the same name on one line.
    bool found = false;
    if (!attribute.empty() && !value.empty()) {
        for (const char quote : {'"', '\''}) {
            const std::string written = " " + attribute + "=" + quote + value + quote;
            if (const auto at = text.find(written); at != std::string_view::npos) {
                col = at + 1;
                found = true;
                break;
            }
        }
    }
    if (!found && !element.empty()) {
        if (const auto at = text.find("<" + element); at != std::string_view::npos) {
            col = at;
            if (!attribute.empty()) {
                const auto tag_end = text.find('>', at);
                const auto attr = text.find(" " + attribute + "=", at);
                if (attr != std::string_view::npos && attr < tag_end) col = attr + 1;
            }
        }
    }
    return map.at({}, begin + col).column;
}

void* compile(const std::filesystem::path& xsd) {
    xmlInitParser();  // idempotent; libxml2 wants it before use from several threads
    std::error_code ec;
    if (!std::filesystem::is_regular_file(xsd, ec))
        throw Error(ErrorCategory::bad_content, xsd.string() + ": cannot read the schema");
    std::vector<Collected> collected;
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd.string().c_str());
    if (!parser) throw Error(ErrorCategory::bad_content, xsd.string() + ": cannot read the schema");
    xmlSchemaSetParserStructuredErrors(parser, collect, &collected);
    // Loading the schema documents (an xs:include that is missing, say) reports through the
    // thread's handler, not the context's: route it to us for the duration, then restore it.
    const xmlStructuredErrorFunc saved_handler = xmlStructuredError;
    void* const saved_context = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&collected, collect);
    xmlSchemaPtr schema = xmlSchemaParse(parser);
    xmlSetStructuredErrorFunc(saved_context, saved_handler);
    xmlSchemaFreeParserCtxt(parser);
    if (!schema) {
        std::string message = xsd.string() + ": cannot load the schema";
        for (std::size_t i = 0; i < collected.size() && i < 5; ++i) message += "\n  " + collected[i].message;
        throw Error(ErrorCategory::bad_content, message);
    }
    return schema;
}

void release(void* compiled) {
    xmlSchemaFree(static_cast<xmlSchemaPtr>(compiled));
}

bool validate(const void* compiled, const std::filesystem::path& xsd, std::string_view bytes, const std::string& file,
              Problems& problems) {
    const xml::SourceMap map(bytes);
    // Parse quietly: no network, no printing; big lines so line numbers past 65535 stay right.
    xmlParserCtxtPtr parser = xmlNewParserCtxt();
    if (!parser) throw Error(ErrorCategory::internal, "libxml2: out of memory");
    xmlDocPtr doc = xmlCtxtReadMemory(parser, bytes.data(), static_cast<int>(bytes.size()), file.c_str(), "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    if (!doc) {
        const xmlError* error = xmlCtxtGetLastError(parser);
        SourceLocation where{file, error ? error->line : 0, error ? error->int2 : 0};
        std::string message = error && error->message ? error->message : "cannot parse";
        while (!message.empty() && message.back() == '\n') message.pop_back();
        problems.error(std::move(where), "malformed XML: " + message);
        xmlFreeParserCtxt(parser);
        return false;
    }
    xmlFreeParserCtxt(parser);

    std::vector<Collected> collected;
    xmlSchemaValidCtxtPtr context = xmlSchemaNewValidCtxt(static_cast<xmlSchemaPtr>(const_cast<void*>(compiled)));
    if (!context) {
        xmlFreeDoc(doc);
        throw Error(ErrorCategory::internal, "libxml2: out of memory");
    }
    xmlSchemaSetValidStructuredErrors(context, collect, &collected);
    const int result = xmlSchemaValidateDoc(context, doc);
    xmlSchemaFreeValidCtxt(context);
    xmlFreeDoc(doc);

    for (const Collected& error : collected) {
        SourceLocation where{file, error.line, error.column};
        if (where.line > 0 && where.column <= 0) where.column = column_on_line(map, where.line, error.message);
        const std::string text = "does not match " + xsd.filename().string() + ": " + error.message;
        if (error.warning)
            problems.warning(std::move(where), text);
        else
            problems.error(std::move(where), text);
    }
    if (result != 0 && collected.empty()) problems.error({file, 0, 0}, "does not match " + xsd.filename().string());
    return result == 0;
}

}  // namespace

}  // namespace moudesk::content

extern "C" __attribute__((visibility("default"))) const moudesk::content::XmlSchemaModule* moudesk_xml_schema_module() {
    using namespace moudesk::content;
    static const XmlSchemaModule table{XmlSchemaModule::current_version, &compile, &release, &validate};
    return &table;
}
