#include "moudesk/core/file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "moudesk/core/error.h"

namespace moudesk {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCategory::environment, "cannot read " + path.string() + ": " + std::strerror(errno));
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) throw Error(ErrorCategory::environment, "cannot read " + path.string());
    return std::move(out).str();
}

namespace {

[[noreturn]] void fail(const fs::path& path, const char* what, int err) {
    throw Error(ErrorCategory::environment, "cannot write " + path.string() + ": " + what + ": " + std::strerror(err));
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view bytes) {
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::random_device rd;
    fs::path tmp = dir / ("." + path.filename().string() + ".tmp-" + std::to_string(rd()));

    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) fail(path, "cannot create a temporary file in its folder", errno);

    auto abandon = [&](const char* what) {
        int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        fail(path, what, err);
    };

    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            abandon("write failed");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) abandon("flush to disk failed");
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        fail(path, "close failed", err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        fail(path, "rename failed", err);
    }
}

}  // namespace moudesk
