#pragma once
#include "common/diagnostic.h"
#include <optional>
#include <utility>
#include <variant>

namespace wb {

/// A value or the diagnostic that explains why there is none (Qt Creator's habit:
/// failures travel as values, never as magic integers or exceptions). [[nodiscard]]: a
/// failure nobody looks at is a silent one; the compiler names every call that drops it.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Diagnostic error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<T>(m_state); }
    const T &value() const { return std::get<T>(m_state); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Diagnostic &error() const { return std::get<Diagnostic>(m_state); }

private:
    std::variant<T, Diagnostic> m_state;
};

/// Success or a diagnostic, for operations without a value.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Diagnostic error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Diagnostic &error() const { return *m_error; }

private:
    std::optional<Diagnostic> m_error;
};

} // namespace wb
