# SPDX-License-Identifier: GPL-3.0-or-later
# Signs the deployed "OpenTok Admin.app" in CPack's staging tree before the DMG is made
# (CPACK_PRE_BUILD_SCRIPTS). macdeployqt rewrites the binaries, which breaks their signatures;
# an unsigned arm64 binary does not run at all, so without an identity the bundle is signed ad
# hoc ("-"). With OTADMIN_CODESIGN_IDENTITY (e.g. "Developer ID Application: Name (TEAMID)") it
# is signed for distribution: hardened runtime, secure time stamp, the entitlements file.
# The keychain items QtKeychain stores belong to the app's signature (its designated
# requirement: bundle ID + team ID), so keep one identity and one bundle ID across releases or
# users are asked again for access after an update.
file(GLOB _otadmin_bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/*.app"
  "${CPACK_TEMPORARY_DIRECTORY}/*/*.app")
if(NOT _otadmin_bundles)
  message(FATAL_ERROR "No .app bundle in ${CPACK_TEMPORARY_DIRECTORY}")
endif()

set(_otadmin_identity "$ENV{OTADMIN_CODESIGN_IDENTITY}")
if(_otadmin_identity STREQUAL "")
  set(_otadmin_options --force --sign -)
  message(STATUS "Signing ad hoc (OTADMIN_CODESIGN_IDENTITY is not set)")
else()
  set(_otadmin_options --force --sign "${_otadmin_identity}" --options runtime --timestamp
    --entitlements "${CPACK_OTADMIN_ENTITLEMENTS}")
endif()

foreach(_bundle IN LISTS _otadmin_bundles)
  # Inside out: frameworks, plugins and helper executables first, the bundle last.
  file(GLOB_RECURSE _otadmin_nested LIST_DIRECTORIES true
    "${_bundle}/Contents/Frameworks/*.framework" "${_bundle}/Contents/Frameworks/*.dylib"
    "${_bundle}/Contents/PlugIns/*.dylib")
  get_filename_component(_otadmin_main "${_bundle}" NAME_WE)
  file(GLOB _otadmin_helpers "${_bundle}/Contents/MacOS/*")
  list(REMOVE_ITEM _otadmin_helpers "${_bundle}/Contents/MacOS/${_otadmin_main}")
  foreach(_item IN LISTS _otadmin_nested _otadmin_helpers)
    if(_item MATCHES "\\.framework$" OR NOT IS_DIRECTORY "${_item}")
      execute_process(COMMAND codesign ${_otadmin_options} "${_item}"
        RESULT_VARIABLE _otadmin_result)
      if(NOT _otadmin_result EQUAL 0)
        message(FATAL_ERROR "codesign failed for ${_item}")
      endif()
    endif()
  endforeach()
  execute_process(COMMAND codesign ${_otadmin_options} "${_bundle}" RESULT_VARIABLE _otadmin_result)
  if(NOT _otadmin_result EQUAL 0)
    message(FATAL_ERROR "codesign failed for ${_bundle}")
  endif()
  execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${_bundle}"
    RESULT_VARIABLE _otadmin_result)
  if(NOT _otadmin_result EQUAL 0)
    message(FATAL_ERROR "codesign --verify failed for ${_bundle}")
  endif()
endforeach()
