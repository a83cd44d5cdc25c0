# Finds libgettextpo, the library behind gettext's own PO reader/writer.
# It ships neither a CMake config nor a pkg-config file, hence this module.
# Defines the imported target GettextPo::GettextPo.
find_path(GettextPo_INCLUDE_DIR NAMES gettext-po.h)
find_library(GettextPo_LIBRARY NAMES gettextpo)

if(GettextPo_INCLUDE_DIR AND EXISTS "${GettextPo_INCLUDE_DIR}/gettext-po.h")
  file(STRINGS "${GettextPo_INCLUDE_DIR}/gettext-po.h" _gp_version_line
       REGEX "^#define LIBGETTEXTPO_VERSION 0x[0-9A-Fa-f]+")
  if(_gp_version_line MATCHES "0x([0-9A-Fa-f][0-9A-Fa-f])([0-9A-Fa-f][0-9A-Fa-f])([0-9A-Fa-f][0-9A-Fa-f])")
    math(EXPR _gp_major "0x${CMAKE_MATCH_1}")
    math(EXPR _gp_minor "0x${CMAKE_MATCH_2}")
    math(EXPR _gp_patch "0x${CMAKE_MATCH_3}")
    set(GettextPo_VERSION "${_gp_major}.${_gp_minor}.${_gp_patch}")
  endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(GettextPo
  REQUIRED_VARS GettextPo_LIBRARY GettextPo_INCLUDE_DIR
  VERSION_VAR GettextPo_VERSION)

if(GettextPo_FOUND AND NOT TARGET GettextPo::GettextPo)
  add_library(GettextPo::GettextPo UNKNOWN IMPORTED)
  set_target_properties(GettextPo::GettextPo PROPERTIES
    IMPORTED_LOCATION "${GettextPo_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${GettextPo_INCLUDE_DIR}")
endif()
mark_as_advanced(GettextPo_INCLUDE_DIR GettextPo_LIBRARY)
