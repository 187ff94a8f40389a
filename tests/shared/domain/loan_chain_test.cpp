// Proves the loan chain: a case's loan with its exchanges is one loan, from its first delivery to its final
// end, for the annual report's loan duration.
#include <catch2/catch.hpp>

#include "shared/loans/loan_chain.h"

using namespace bhm;

namespace {
Timestamp at(std::int64_t s) { return Timestamp{s}; }
}  // namespace

TEST_CASE("a loan with its exchanges is one chain from the first delivery to the final end") {
    auto chains = loan_chains({{at(0), at(100), true}, {at(100), at(250), true}, {at(250), at(400), false}});
    REQUIRE(chains.size() == 1);
    CHECK(chains[0].began == at(0));
    CHECK(chains[0].ended == at(400));
    CHECK(chains[0].first == 0);
    CHECK(chains[0].last == 2);
}

TEST_CASE("a chain is open while its last loan is, and a loan not ended by an exchange ends its chain") {
    auto open = loan_chains({{at(0), at(100), true}, {at(100), std::nullopt, false}});
    REQUIRE(open.size() == 1);
    CHECK_FALSE(open[0].ended);

    auto two = loan_chains({{at(0), at(100), false}, {at(500), at(600), false}});
    REQUIRE(two.size() == 2);
    CHECK(two[0].ended == at(100));
    CHECK(two[1].began == at(500));
    CHECK(two[1].first == 1);
    CHECK(loan_chains({}).empty());
}
