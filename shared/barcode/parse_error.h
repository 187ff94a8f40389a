// How every barcode parser in this folder says no: what kind of fault, a sentence a warehouse
// worker understands, and the byte offset in the scanned text where the fault was found.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace bhm::barcode {

// Stable fault kinds; to_string gives the snake_case code the server returns to clients.
enum class ErrorKind {
    empty,                // nothing to parse
    too_long,             // input or a field longer than allowed
    too_short,            // input or a field shorter than required
    bad_char,             // a character the format does not allow at that place
    bad_check,            // check digit / check character does not match
    unknown_ai,           // GS1 application identifier not in our table
    invalid_date,         // a date or time that does not exist
    misplaced_separator,  // GS (FNC1) where the format does not allow one
    duplicate_ai,         // the same GS1 AI twice with different values
    malformed,            // structure broken in another way (explained in the message)
    unsupported,          // a valid format this product does not handle
};

std::string_view to_string(ErrorKind kind);

// A character as an error message shows it: 'A', GS (FNC1), or byte 0xC3 for anything unprintable.
std::string quote_char(char c);

struct ParseError {
    std::string message;
    std::size_t at = 0;  // byte offset in the raw input
    ErrorKind kind = ErrorKind::malformed;
};

// The result of one parser: a value, or the error that stopped it. Never both.
template <class T>
struct Outcome {
    std::optional<T> value;
    std::optional<ParseError> error;
    bool ok() const { return value.has_value(); }

    static Outcome success(T result) { return Outcome{std::move(result), std::nullopt}; }
    static Outcome failure(ErrorKind kind, std::string message, std::size_t at) {
        return Outcome{std::nullopt, ParseError{std::move(message), at, kind}};
    }
    static Outcome failure(ParseError error) { return Outcome{std::nullopt, std::move(error)}; }
};

}  // namespace bhm::barcode
