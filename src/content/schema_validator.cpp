// The content module's side of moudesk-xml-schema: a SchemaValidator holds one schema compiled
// by the module, loaded on first use (xml_schema_module.h says why it is a module).

#include "moudesk/content/schema_validator.h"

#include "moudesk/core/file.h"
#include "moudesk/core/module.h"
#include "xml_schema_module.h"

namespace moudesk::content {

namespace {

const XmlSchemaModule& xml_schema() {
    // A failed load throws out of the initialiser, so the next call tries again.
    static const XmlSchemaModule& table =
        module_table<XmlSchemaModule>("moudesk-xml-schema", "moudesk_xml_schema_module");
    return table;
}

}  // namespace

struct SchemaValidator::Impl {
    void* compiled = nullptr;
    ~Impl() {
        if (compiled) xml_schema().release(compiled);
    }
};

SchemaValidator::SchemaValidator(const std::filesystem::path& xsd) : path_(xsd), impl_(std::make_unique<Impl>()) {
    impl_->compiled = xml_schema().compile(xsd);
}

SchemaValidator::~SchemaValidator() = default;

bool SchemaValidator::validate(std::string_view bytes, const std::string& file, Problems& problems) const {
    return xml_schema().validate(impl_->compiled, path_, bytes, file, problems);
}

bool SchemaValidator::validate_file(const std::filesystem::path& path, Problems& problems) const {
    std::string bytes;
    try {
        bytes = read_file(path);
    } catch (const Error& e) {
        problems.error({path.string(), 0, 0}, e.what());
        return false;
    }
    return validate(bytes, path.string(), problems);
}

}  // namespace moudesk::content
