# SPDX-License-Identifier: GPL-3.0-or-later
# Shared compiler settings and the one function that registers a test with CTest.

# Warnings are errors in CI builds (CI=true in the environment) or on request.
set(_otadmin_werror_default OFF)
if(DEFINED ENV{CI} AND NOT "$ENV{CI}" STREQUAL "" AND NOT "$ENV{CI}" STREQUAL "false")
  set(_otadmin_werror_default ON)
endif()
option(OTADMIN_WERROR "Treat compiler warnings as errors" ${_otadmin_werror_default})
option(OTADMIN_SANITIZE "Build with AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer" OFF)
# libFuzzer targets in tests/fuzz (clang only); every project object gets fuzzer coverage.
option(OTADMIN_FUZZ "Build the libFuzzer targets (clang; use the fuzz preset)" OFF)

# Symbols are hidden unless exported: the desktop app is a library its launcher loads
# (app/gui/GuiMain.h), and a library that exports all of its ~3,500 symbols has the dynamic
# loader resolve each of its own calls and vtables at load time (2.4 ms → 3.5 ms measured).
set(CMAKE_CXX_VISIBILITY_PRESET hidden)
set(CMAKE_VISIBILITY_INLINES_HIDDEN ON)

# Every project target links this interface library for its warnings and Qt hygiene defines.
add_library(otadmin_settings INTERFACE)
if(MSVC)
  # Windows packages (packaging/): MSVC spells the warning flags differently.
  target_compile_options(otadmin_settings INTERFACE /W3 /utf-8 /permissive- /Zc:__cplusplus)
  if(OTADMIN_WERROR)
    target_compile_options(otadmin_settings INTERFACE /WX)
  endif()
else()
  target_compile_options(otadmin_settings INTERFACE -Wall -Wextra)
  if(OTADMIN_WERROR)
    target_compile_options(otadmin_settings INTERFACE -Werror)
  endif()
endif()
target_compile_definitions(otadmin_settings INTERFACE
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  OTADMIN_VERSION="${PROJECT_VERSION}")
if(OTADMIN_SANITIZE)
  target_compile_options(otadmin_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(otadmin_settings INTERFACE -fsanitize=address,undefined)
endif()
if(OTADMIN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "OTADMIN_FUZZ needs clang (libFuzzer): use the fuzz preset")
  endif()
  target_compile_options(otadmin_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()

# otadmin_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] LABELS <labels...>
#                  [ENVIRONMENT <VAR=value...>] [TIMEOUT <seconds>])
# Builds one QtTest executable and registers it, headless (offscreen), with its labels
# (unit, integration, sandbox, gui, cli, keychain, fuzz) and a hard timeout so that a stalled
# socket can never eat CI's time.
function(otadmin_add_test)
  cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
  if(NOT ARG_NAME OR NOT ARG_SOURCES OR NOT ARG_LABELS)
    message(FATAL_ERROR "otadmin_add_test needs NAME, SOURCES and LABELS")
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test otadmin_settings ${ARG_LIBS})
  add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
  set_tests_properties(${ARG_NAME} PROPERTIES
    LABELS "${ARG_LABELS}"
    TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.network.ssl.warning=false;${ARG_ENVIRONMENT}")
endfunction()
