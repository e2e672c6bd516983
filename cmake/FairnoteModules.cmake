# SPDX-FileCopyrightText: 2026 Fairnote contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# fairnote_module(): one core module as one CMake target, whose links ARE the dependency graph.
#
# Each module gets two include trees in the build folder, made of links to its headers:
#   build/include/<target>/public   its public headers, as "<module>/x.h" — given to whoever links it
#   build/include/<target>/private  every header of the module — for its own sources and its own tests
# So a source file sees only the public headers of the modules its target links (directly, or through
# a PUBLIC link): including a header of a module it does not depend on, or a private header of another
# module, fails the build. Headers are written as "<module>/x.h" everywhere, as before.
#
#   fairnote_module(<target>
#     DIR <folder under core/, e.g. store/sqlite>
#     SOURCES a.cpp …               (none: an INTERFACE library of headers)
#     PUBLIC_HEADERS a.h …          part of its interface
#     PRIVATE_HEADERS b.h …         for its own sources only
#     DEPENDS <targets> …           PUBLIC links: modules its public headers include
#     PRIVATE_DEPENDS <targets> …   PRIVATE links: used by its sources only
#   )
# fairnote_module_private_access(<target> <module> …): a white-box test reads a module's private headers.

set(FAIRNOTE_CORE_DIR "${CMAKE_SOURCE_DIR}/core")
set(FAIRNOTE_INCLUDE_TREES "${CMAKE_BINARY_DIR}/include")

function(_fairnote_link_headers tree dir)
  foreach(header ${ARGN})
    set(source "${FAIRNOTE_CORE_DIR}/${dir}/${header}")
    if(NOT EXISTS "${source}")
      message(FATAL_ERROR "fairnote_module: ${dir}/${header} does not exist")
    endif()
    if(dir STREQUAL ".")
      set(link "${tree}/${header}")
    else()
      set(link "${tree}/${dir}/${header}")
    endif()
    get_filename_component(parent "${link}" DIRECTORY)
    file(MAKE_DIRECTORY "${parent}")
    file(CREATE_LINK "${source}" "${link}" SYMBOLIC)
  endforeach()
endfunction()

function(fairnote_module target)
  cmake_parse_arguments(ARG "" "DIR" "SOURCES;PUBLIC_HEADERS;PRIVATE_HEADERS;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  set(public_tree "${FAIRNOTE_INCLUDE_TREES}/${target}/public")
  set(private_tree "${FAIRNOTE_INCLUDE_TREES}/${target}/private")
  # Made afresh at each configure, so a header removed or made private is gone from the tree too.
  file(REMOVE_RECURSE "${FAIRNOTE_INCLUDE_TREES}/${target}")
  _fairnote_link_headers("${public_tree}" "${ARG_DIR}" ${ARG_PUBLIC_HEADERS})
  _fairnote_link_headers("${private_tree}" "${ARG_DIR}" ${ARG_PUBLIC_HEADERS} ${ARG_PRIVATE_HEADERS})
  file(MAKE_DIRECTORY "${public_tree}" "${private_tree}")

  if(ARG_SOURCES)
    add_library(${target} STATIC ${ARG_SOURCES} ${ARG_PUBLIC_HEADERS} ${ARG_PRIVATE_HEADERS})
    target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${public_tree}>" PRIVATE "${private_tree}")
    target_link_libraries(${target} PUBLIC ${ARG_DEPENDS} PRIVATE ${ARG_PRIVATE_DEPENDS})
  else()
    add_library(${target} INTERFACE ${ARG_PUBLIC_HEADERS})
    target_include_directories(${target} INTERFACE "$<BUILD_INTERFACE:${public_tree}>")
    target_link_libraries(${target} INTERFACE ${ARG_DEPENDS})
  endif()
  set_property(TARGET ${target} PROPERTY FAIRNOTE_PRIVATE_TREE "${private_tree}")
endfunction()

function(fairnote_module_private_access target)
  foreach(module ${ARGN})
    target_include_directories(${target} PRIVATE "${FAIRNOTE_INCLUDE_TREES}/${module}/private")
    target_link_libraries(${target} PRIVATE ${module})
  endforeach()
endfunction()
