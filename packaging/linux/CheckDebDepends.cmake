# SPDX-License-Identifier: GPL-3.0-or-later
# Fails packaging when a .deb's Depends lacks what the programs need at run time. Run by CPack
# after it built the packages (CPACK_POST_BUILD_SCRIPTS, with CPACK_PACKAGE_FILES), and usable
# alone: cmake -DCPACK_PACKAGE_FILES=opentok-admin_0.1.0_amd64.deb -P CheckDebDepends.cmake
#
# Why: without dpkg-shlibdeps (package dpkg-dev) CPack silently builds a package with only the
# hand-written dependencies, which installs and then fails to start.
set(_otadmin_required_depends
  # computed by dpkg-shlibdeps from the ELF files (t64: Ubuntu 24.04's names)
  "libqt6core6(t64)?" "libqt6gui6(t64)?" "libqt6widgets6(t64)?" "libqt6network6(t64)?"
  "libqt6keychain1(t64)?" "libc6" "libstdc\\+\\+6"
  # loaded at run time, so added by hand (CPACK_DEBIAN_PACKAGE_DEPENDS)
  "libsecret-1-0" "libqt6svg6")

set(_otadmin_debs "")
foreach(_file IN LISTS CPACK_PACKAGE_FILES)
  if(_file MATCHES "\\.deb$")
    list(APPEND _otadmin_debs "${_file}")
  endif()
endforeach()

foreach(_deb IN LISTS _otadmin_debs)
  execute_process(COMMAND dpkg-deb --field "${_deb}" Depends
    OUTPUT_VARIABLE _depends ERROR_VARIABLE _error RESULT_VARIABLE _result
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT _result EQUAL 0)
    message(FATAL_ERROR "Cannot read the Depends of ${_deb}: ${_error}")
  endif()
  set(_missing "")
  foreach(_package IN LISTS _otadmin_required_depends)
    if(NOT _depends MATCHES "(^|[ ,|])${_package}( |,|$)")
      string(REPLACE "(t64)?" "" _name "${_package}")
      string(REPLACE "\\+" "+" _name "${_name}")
      list(APPEND _missing "${_name}")
    endif()
  endforeach()
  if(_missing)
    # Called by CPack the file is still in its staging tree: removed, it never reaches the
    # build directory as a package that looks fine.
    if(DEFINED CPACK_TEMPORARY_DIRECTORY)
      file(REMOVE "${_deb}")
    endif()
    list(JOIN _missing ", " _missing)
    message(FATAL_ERROR
      "${_deb}: Depends lacks ${_missing}.\n  Depends: ${_depends}\n"
      "  Is dpkg-shlibdeps installed (packages dpkg-dev and file; scripts/install-deps)?")
  endif()
  message(STATUS "Depends of ${_deb}: ${_depends}")
endforeach()
