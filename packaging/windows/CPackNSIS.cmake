# SPDX-License-Identifier: GPL-3.0-or-later
# CPack settings of the Windows installer (NSIS), shared by packaging/CMakeLists.txt and the
# Linux check of the template (packaging/tests/nsis). Expects OTADMIN_DISPLAY_NAME, OTADMIN_ICO,
# PROJECT_VERSION, PROJECT_HOMEPAGE_URL and CMAKE_INSTALL_BINDIR.

# Our template (NSIS.template.in next to this file) replaces CPack's: per-machine or per-user.
set(CPACK_MODULE_PATH ${CMAKE_CURRENT_LIST_DIR} ${CMAKE_MODULE_PATH})
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "OpenTokAdmin")
set(CPACK_NSIS_PACKAGE_NAME "${OTADMIN_DISPLAY_NAME} ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "${OTADMIN_DISPLAY_NAME}")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY ${CMAKE_INSTALL_BINDIR})
# The program of the Start-menu entry and of the finish page's "Run" box.
set(CPACK_OTADMIN_GUI_EXE opentok-admin.exe)
if(OTADMIN_ICO)
  set(CPACK_NSIS_MUI_ICON ${OTADMIN_ICO})
  set(CPACK_NSIS_MUI_UNIICON ${OTADMIN_ICO})
endif()
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}/issues")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_COMPRESSOR "/SOLID lzma")
# Signing hooks: no-ops unless OTADMIN_SIGNTOOL_CERT_SHA1 is set (packaging/README.md).
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/Sign.cmake)
set(CPACK_POST_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/Sign.cmake)
