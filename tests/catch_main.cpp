// The one Catch2 main shared by every test executable. It refuses test names with a ';': CTest's
// test discovery reads names as a CMake list, so such a name becomes two tests that each match
// nothing and pass without running anything.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <iostream>

int main(int argc, char* argv[]) {
    Catch::Session session;
    if (const int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
    for (const auto& test : Catch::getAllTestCasesSorted(session.config())) {
        if (test.name.find(';') != std::string::npos) {
            std::cerr << "test name has a ';', which CTest splits into two tests that run nothing: \"" << test.name
                      << "\"\n";
            return 2;
        }
    }
    return session.run();
}
