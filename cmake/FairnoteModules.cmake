# SPDX-FileCopyrightText: 2026 Fairnote contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# fairnote_module(): one core module as one CMake target, whose links ARE the dependency graph.
#
# Every module's headers are included as "<module>/x.h" from core/, as before. Before a module's sources
# are compiled, cmake/CheckIncludes.cmake reads them and fails the build when one includes a header of a
# module the target does not link (directly, or through a PUBLIC link of a module it links), or a private
# header of another module. fairnote_check_includes() does the same for the app, the UI and the tests:
# they may include any public header of core, and no private one.
#
#   fairnote_module(<target>
#     DIR <folder under core/, e.g. store/sqlite>
#     SOURCES a.cpp …               (none: an INTERFACE library of headers)
#     PUBLIC_HEADERS a.h …          part of its interface
#     PRIVATE_HEADERS b.h …         for its own sources only
#     DEPENDS <targets> …           PUBLIC links: modules its public headers include
#     PRIVATE_DEPENDS <targets> …   PRIVATE links: used by its sources only
#   )
#   fairnote_module_private_access(<target> <module> …): a white-box test may read a module's private
#     headers (and links the module).
#   fairnote_check_includes(<target> [SOURCES_FROM <target> …]): checks <target>'s own sources.
#
# The rule the checks apply is written once, in CheckIncludes.cmake; the modules are recorded in global
# properties (FAIRNOTE_MODULES, and per module FAIRNOTE_MODULE_<target>_DIR / _PRIVATE / _REACH).

set(FAIRNOTE_CORE_DIR "${CMAKE_SOURCE_DIR}/core")
set(FAIRNOTE_INCLUDE_CHECKER "${CMAKE_SOURCE_DIR}/cmake/CheckIncludes.cmake")

# The modules `target` can reach: itself, its links, and what those expose through PUBLIC links.
function(_fairnote_reach out target)
  get_property(public GLOBAL PROPERTY FAIRNOTE_MODULE_${target}_PUBLIC_DEPS)
  get_property(private GLOBAL PROPERTY FAIRNOTE_MODULE_${target}_PRIVATE_DEPS)
  set(reach ${target})
  foreach(dep ${public} ${private})
    get_property(known GLOBAL PROPERTY FAIRNOTE_MODULE_${dep}_REACH_PUBLIC SET)
    if(known)
      get_property(exposed GLOBAL PROPERTY FAIRNOTE_MODULE_${dep}_REACH_PUBLIC)
      list(APPEND reach ${exposed})
    endif()
  endforeach()
  list(REMOVE_DUPLICATES reach)
  set(${out} ${reach} PARENT_SCOPE)
endfunction()

function(fairnote_module target)
  cmake_parse_arguments(ARG "" "DIR" "SOURCES;PUBLIC_HEADERS;PRIVATE_HEADERS;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  if(ARG_SOURCES)
    add_library(${target} STATIC ${ARG_SOURCES} ${ARG_PUBLIC_HEADERS} ${ARG_PRIVATE_HEADERS})
    target_include_directories(${target} PUBLIC "${FAIRNOTE_CORE_DIR}")
    target_link_libraries(${target} PUBLIC ${ARG_DEPENDS} PRIVATE ${ARG_PRIVATE_DEPENDS})
  else()
    add_library(${target} INTERFACE ${ARG_PUBLIC_HEADERS})
    target_include_directories(${target} INTERFACE "${FAIRNOTE_CORE_DIR}")
    target_link_libraries(${target} INTERFACE ${ARG_DEPENDS})
  endif()

  # Record the module for the checks: where it lives, its private headers, and what it reaches.
  set(module_deps)
  set(module_private_deps)
  foreach(dep ${ARG_DEPENDS})
    if(dep MATCHES "^fairnote_")
      list(APPEND module_deps ${dep})
    endif()
  endforeach()
  foreach(dep ${ARG_PRIVATE_DEPENDS})
    if(dep MATCHES "^fairnote_")
      list(APPEND module_private_deps ${dep})
    endif()
  endforeach()
  set_property(GLOBAL APPEND PROPERTY FAIRNOTE_MODULES ${target})
  set_property(GLOBAL PROPERTY FAIRNOTE_MODULE_${target}_DIR "${ARG_DIR}")
  set(private)
  foreach(header ${ARG_PRIVATE_HEADERS})
    if(ARG_DIR STREQUAL ".")
      list(APPEND private "${header}")
    else()
      list(APPEND private "${ARG_DIR}/${header}")
    endif()
  endforeach()
  set_property(GLOBAL PROPERTY FAIRNOTE_MODULE_${target}_PRIVATE "${private}")
  set_property(GLOBAL PROPERTY FAIRNOTE_MODULE_${target}_PUBLIC_DEPS "${module_deps}")
  set_property(GLOBAL PROPERTY FAIRNOTE_MODULE_${target}_PRIVATE_DEPS "${module_private_deps}")
  # What a module linking this one reaches through it: itself and its PUBLIC links' reach.
  set(exposed ${target})
  foreach(dep ${module_deps})
    get_property(dep_exposed GLOBAL PROPERTY FAIRNOTE_MODULE_${dep}_REACH_PUBLIC)
    list(APPEND exposed ${dep_exposed})
  endforeach()
  list(REMOVE_DUPLICATES exposed)
  set_property(GLOBAL PROPERTY FAIRNOTE_MODULE_${target}_REACH_PUBLIC "${exposed}")

  if(ARG_SOURCES)
    _fairnote_reach(reach ${target})
    set(files)
    foreach(f ${ARG_SOURCES} ${ARG_PUBLIC_HEADERS} ${ARG_PRIVATE_HEADERS})
      list(APPEND files "${CMAKE_CURRENT_SOURCE_DIR}/${f}")
    endforeach()
    _fairnote_add_include_check(${target} "${reach}" "${target}" "${files}")
  endif()
endfunction()

# Every module's directory and private headers, as "target=dir" and "target=header;…" lists for the
# checker, written to a file so the command line stays short.
function(_fairnote_write_module_table)
  get_property(modules GLOBAL PROPERTY FAIRNOTE_MODULES)
  set(table "")
  foreach(m ${modules})
    get_property(dir GLOBAL PROPERTY FAIRNOTE_MODULE_${m}_DIR)
    get_property(private GLOBAL PROPERTY FAIRNOTE_MODULE_${m}_PRIVATE)
    string(APPEND table "set(FAIRNOTE_MODULE_${m}_DIR \"${dir}\")\nset(FAIRNOTE_MODULE_${m}_PRIVATE \"${private}\")\n")
  endforeach()
  string(APPEND table "set(FAIRNOTE_MODULES \"${modules}\")\n")
  file(CONFIGURE OUTPUT "${CMAKE_BINARY_DIR}/fairnote-modules.cmake" CONTENT "${table}")
endfunction()

# Adds the check of `files` (absolute paths) to `target`: they may include headers of the modules in
# `reach`, and private headers of the modules in `private_ok` only.
function(_fairnote_add_include_check target reach private_ok files)
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}.includes-checked")
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/${target}.includes-to-check.cmake")
  file(CONFIGURE OUTPUT "${list_file}" CONTENT
       "set(FILES \"${files}\")\nset(REACH \"${reach}\")\nset(PRIVATE_OK \"${private_ok}\")\nset(TARGET_NAME \"${target}\")\n")
  add_custom_command(OUTPUT "${stamp}"
    COMMAND ${CMAKE_COMMAND} -DCHECK_LIST=${list_file} -DMODULE_TABLE=${CMAKE_BINARY_DIR}/fairnote-modules.cmake
            -DCORE_DIR=${FAIRNOTE_CORE_DIR} -DSTAMP=${stamp} -P ${FAIRNOTE_INCLUDE_CHECKER}
    DEPENDS ${files} "${list_file}" "${FAIRNOTE_INCLUDE_CHECKER}" "${CMAKE_BINARY_DIR}/fairnote-modules.cmake"
    COMMENT "Checking the includes of ${target} against its links"
    VERBATIM)
  add_custom_target(${target}-includes DEPENDS "${stamp}")
  add_dependencies(${target} ${target}-includes)
endfunction()

# The app, the UI and the tests: any public header of core, no private one (except white-box access).
function(fairnote_check_includes target)
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  get_property(private_ok TARGET ${target} PROPERTY FAIRNOTE_PRIVATE_ACCESS)
  get_property(modules GLOBAL PROPERTY FAIRNOTE_MODULES)
  set(files)
  foreach(f ${sources})
    if(f MATCHES "\\.(cpp|h)$" AND NOT f MATCHES "autogen|qrc_")
      if(IS_ABSOLUTE "${f}")
        list(APPEND files "${f}")
      else()
        list(APPEND files "${source_dir}/${f}")
      endif()
    endif()
  endforeach()
  if(files)
    _fairnote_add_include_check(${target} "${modules}" "${private_ok}" "${files}")
  endif()
endfunction()

function(fairnote_module_private_access target)
  foreach(module ${ARGN})
    set_property(TARGET ${target} APPEND PROPERTY FAIRNOTE_PRIVATE_ACCESS ${module})
    target_link_libraries(${target} PRIVATE ${module})
  endforeach()
endfunction()
