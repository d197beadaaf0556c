# SPDX-License-Identifier: GPL-3.0-or-later
# Authenticode signing for the Windows packages, run by CPack twice:
#   CPACK_PRE_BUILD_SCRIPTS  signs every .exe and .dll of the staged tree (the programs, Qt,
#                            QtKeychain) before NSIS/ZIP pack them;
#   CPACK_POST_BUILD_SCRIPTS signs the installers (CPACK_PACKAGE_FILES ending in .exe).
# A no-op unless OTADMIN_SIGNTOOL_CERT_SHA1 names a code-signing certificate in the current
# user's or the machine's store (thumbprint); OTADMIN_SIGNTOOL_TIMESTAMP_URL overrides the
# RFC 3161 time-stamp server. signtool.exe comes with the Windows SDK.
if(NOT DEFINED ENV{OTADMIN_SIGNTOOL_CERT_SHA1} OR "$ENV{OTADMIN_SIGNTOOL_CERT_SHA1}" STREQUAL "")
  message(STATUS "Not signing: OTADMIN_SIGNTOOL_CERT_SHA1 is not set")
  return()
endif()
find_program(_otadmin_signtool signtool REQUIRED)
set(_otadmin_timestamp "$ENV{OTADMIN_SIGNTOOL_TIMESTAMP_URL}")
if(_otadmin_timestamp STREQUAL "")
  set(_otadmin_timestamp "http://timestamp.digicert.com")
endif()

if(DEFINED CPACK_PACKAGE_FILES)
  set(_otadmin_files "")
  foreach(_file IN LISTS CPACK_PACKAGE_FILES)
    if(_file MATCHES "\\.exe$")
      list(APPEND _otadmin_files "${_file}")
    endif()
  endforeach()
else()
  file(GLOB_RECURSE _otadmin_files "${CPACK_TEMPORARY_DIRECTORY}/*.exe"
    "${CPACK_TEMPORARY_DIRECTORY}/*.dll")
endif()

if(_otadmin_files)
  execute_process(COMMAND "${_otadmin_signtool}" sign /sha1 "$ENV{OTADMIN_SIGNTOOL_CERT_SHA1}"
      /fd sha256 /tr "${_otadmin_timestamp}" /td sha256 ${_otadmin_files}
    RESULT_VARIABLE _otadmin_result)
  if(NOT _otadmin_result EQUAL 0)
    message(FATAL_ERROR "signtool failed (${_otadmin_result})")
  endif()
endif()
