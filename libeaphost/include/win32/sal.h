/*
 * sal.h - Microsoft's source annotation language, compiled away.
 *
 * Part of libeaphost's Windows source-compatibility headers (pkg-config
 * module eaphost-windows).  The common annotations (_In_, _Out_opt_,
 * _Outptr_, _In_reads_bytes_(n) ...) are defined by eaphost/wintypes.h,
 * which every EAPHost header includes; this file adds the rarer ones that
 * method sources also use.  Every macro is guarded, so an annotation that
 * is already defined keeps its definition, and all of them expand to
 * nothing.
 *
 * The oldest spellings (__in, __out ...) are object-like macros that break
 * libstdc++, whose headers use __in and __out as parameter names: see
 * eaphost/wintypes.h (EAPHOST_LEGACY_SAL) for when they are defined.
 */
#ifndef EAPHOST_WIN32_SAL_H
#define EAPHOST_WIN32_SAL_H

#include <eaphost/wintypes.h>

#ifndef _In_reads_or_z_
#define _In_reads_or_z_(size)
#endif
#ifndef _In_reads_to_ptr_
#define _In_reads_to_ptr_(ptr)
#endif
#ifndef _In_reads_bytes_opt_z_
#define _In_reads_bytes_opt_z_(size)
#endif
#ifndef _In_NLS_string_
#define _In_NLS_string_(size)
#endif
#ifndef _In_defensive_
#define _In_defensive_(annotes)
#endif
#ifndef _In_z_bytecount_
#define _In_z_bytecount_(size)
#endif
#ifndef _In_opt_z_bytecount_
#define _In_opt_z_bytecount_(size)
#endif
#ifndef _Out_z_
#define _Out_z_
#endif
#ifndef _Out_opt_z_
#define _Out_opt_z_
#endif
#ifndef _Out_writes_all_
#define _Out_writes_all_(size)
#endif
#ifndef _Out_writes_all_opt_
#define _Out_writes_all_opt_(size)
#endif
#ifndef _Out_writes_bytes_all_
#define _Out_writes_bytes_all_(size)
#endif
#ifndef _Out_writes_bytes_all_opt_
#define _Out_writes_bytes_all_opt_(size)
#endif
#ifndef _Out_writes_bytes_to_opt_
#define _Out_writes_bytes_to_opt_(size, count)
#endif
#ifndef _Out_writes_to_opt_
#define _Out_writes_to_opt_(size, count)
#endif
#ifndef _Out_writes_opt_z_
#define _Out_writes_opt_z_(size)
#endif
#ifndef _Out_writes_bytes_opt_z_
#define _Out_writes_bytes_opt_z_(size)
#endif
#ifndef _Out_writes_to_ptr_
#define _Out_writes_to_ptr_(ptr)
#endif
#ifndef _Out_writes_z_bytecap_
#define _Out_writes_z_bytecap_(size)
#endif
#ifndef _Out_z_bytecap_
#define _Out_z_bytecap_(size)
#endif
#ifndef _Out_z_cap_post_count_
#define _Out_z_cap_post_count_(size, count)
#endif
#ifndef _Out_bytecap_post_bytecount_
#define _Out_bytecap_post_bytecount_(size, count)
#endif
#ifndef _Out_cap_post_count_
#define _Out_cap_post_count_(size, count)
#endif
#ifndef _Inout_z_bytecap_
#define _Inout_z_bytecap_(size)
#endif
#ifndef _Inout_updates_z_
#define _Inout_updates_z_(size)
#endif
#ifndef _Inout_updates_opt_z_
#define _Inout_updates_opt_z_(size)
#endif
#ifndef _Inout_updates_to_
#define _Inout_updates_to_(size, count)
#endif
#ifndef _Inout_updates_bytes_to_
#define _Inout_updates_bytes_to_(size, count)
#endif
#ifndef _Inout_updates_all_
#define _Inout_updates_all_(size)
#endif
#ifndef _Inout_updates_bytes_all_
#define _Inout_updates_bytes_all_(size)
#endif
#ifndef _Inout_opt_z_
#define _Inout_opt_z_
#endif
#ifndef _Outptr_opt_result_z_
#define _Outptr_opt_result_z_
#endif
#ifndef _Outptr_result_maybenull_z_
#define _Outptr_result_maybenull_z_
#endif
#ifndef _Outptr_opt_result_maybenull_z_
#define _Outptr_opt_result_maybenull_z_
#endif
#ifndef _Outptr_result_buffer_all_
#define _Outptr_result_buffer_all_(size)
#endif
#ifndef _Outptr_result_buffer_all_maybenull_
#define _Outptr_result_buffer_all_maybenull_(size)
#endif
#ifndef _Outptr_result_bytebuffer_all_
#define _Outptr_result_bytebuffer_all_(size)
#endif
#ifndef _Outptr_opt_result_bytebuffer_
#define _Outptr_opt_result_bytebuffer_(size)
#endif
#ifndef _Outptr_opt_result_bytebuffer_all_
#define _Outptr_opt_result_bytebuffer_all_(size)
#endif
#ifndef _Outptr_result_buffer_to_
#define _Outptr_result_buffer_to_(size, count)
#endif
#ifndef _Outptr_result_bytebuffer_to_
#define _Outptr_result_bytebuffer_to_(size, count)
#endif
#ifndef _Outptr_result_nullonfailure_
#define _Outptr_result_nullonfailure_
#endif
#ifndef _Outptr_opt_result_nullonfailure_
#define _Outptr_opt_result_nullonfailure_
#endif
#ifndef _COM_Outptr_result_maybenull_
#define _COM_Outptr_result_maybenull_
#endif
#ifndef _COM_Outptr_opt_result_maybenull_
#define _COM_Outptr_opt_result_maybenull_
#endif
#ifndef _Deref_out_range_
#define _Deref_out_range_(lo, hi)
#endif
#ifndef _Deref_in_range_
#define _Deref_in_range_(lo, hi)
#endif
#ifndef _Deref_out_z_
#define _Deref_out_z_
#endif
#ifndef _Deref_opt_out_
#define _Deref_opt_out_
#endif
#ifndef _Deref_opt_out_opt_
#define _Deref_opt_out_opt_
#endif
#ifndef _Deref_post_z_
#define _Deref_post_z_
#endif
#ifndef _Deref_post_opt_z_
#define _Deref_post_opt_z_
#endif
#ifndef _Deref_pre_z_
#define _Deref_pre_z_
#endif
#ifndef _Deref_post_cap_
#define _Deref_post_cap_(size)
#endif
#ifndef _Deref_post_bytecap_
#define _Deref_post_bytecap_(size)
#endif
#ifndef _Deref_post_bytecount_
#define _Deref_post_bytecount_(size)
#endif
#ifndef _Deref_post_opt_bytecount_
#define _Deref_post_opt_bytecount_(size)
#endif
#ifndef _Pre_
#define _Pre_
#endif
#ifndef _Post_
#define _Post_
#endif
#ifndef _Pre_z_
#define _Pre_z_
#endif
#ifndef _Post_z_
#define _Post_z_
#endif
#ifndef _Pre_maybenull_
#define _Pre_maybenull_
#endif
#ifndef _Pre_notnull_
#define _Pre_notnull_
#endif
#ifndef _Pre_null_
#define _Pre_null_
#endif
#ifndef _Pre_valid_
#define _Pre_valid_
#endif
#ifndef _Post_valid_
#define _Post_valid_
#endif
#ifndef _Post_maybenull_
#define _Post_maybenull_
#endif
#ifndef _Post_notnull_
#define _Post_notnull_
#endif
#ifndef _Post_null_
#define _Post_null_
#endif
#ifndef _Post_equal_to_
#define _Post_equal_to_(expr)
#endif
#ifndef _Post_count_
#define _Post_count_(size)
#endif
#ifndef _Post_bytecount_
#define _Post_bytecount_(size)
#endif
#ifndef _Always_
#define _Always_(annotes)
#endif
#ifndef _On_failure_
#define _On_failure_(annotes)
#endif
#ifndef _Return_type_success_
#define _Return_type_success_(expr)
#endif
#ifndef _Ret_
#define _Ret_
#endif
#ifndef _Ret_opt_
#define _Ret_opt_
#endif
#ifndef _Ret_null_
#define _Ret_null_
#endif
#ifndef _Ret_maybenull_z_
#define _Ret_maybenull_z_
#endif
#ifndef _Ret_writes_
#define _Ret_writes_(size)
#endif
#ifndef _Ret_writes_z_
#define _Ret_writes_z_(size)
#endif
#ifndef _Ret_writes_bytes_
#define _Ret_writes_bytes_(size)
#endif
#ifndef _Ret_writes_maybenull_
#define _Ret_writes_maybenull_(size)
#endif
#ifndef _Ret_writes_bytes_maybenull_
#define _Ret_writes_bytes_maybenull_(size)
#endif
#ifndef _Ret_range_
#define _Ret_range_(lo, hi)
#endif
#ifndef _Result_nullonfailure_
#define _Result_nullonfailure_
#endif
#ifndef _Result_zeroonfailure_
#define _Result_zeroonfailure_
#endif
#ifndef _Check_return_opt_
#define _Check_return_opt_
#endif
#ifndef _Check_return_wat_
#define _Check_return_wat_
#endif
#ifndef _Must_inspect_impl_
#define _Must_inspect_impl_
#endif
#ifndef _Printf_format_string_params_
#define _Printf_format_string_params_(n)
#endif
#ifndef _Scanf_format_string_
#define _Scanf_format_string_
#endif
#ifndef _Format_string_impl_
#define _Format_string_impl_(kind, where)
#endif
#ifndef _Field_size_part_
#define _Field_size_part_(size, count)
#endif
#ifndef _Field_size_bytes_part_
#define _Field_size_bytes_part_(size, count)
#endif
#ifndef _Field_size_full_
#define _Field_size_full_(size)
#endif
#ifndef _Field_size_bytes_full_
#define _Field_size_bytes_full_(size)
#endif
#ifndef _Field_size_opt_
#define _Field_size_opt_(size)
#endif
#ifndef _Struct_size_bytes_
#define _Struct_size_bytes_(size)
#endif
#ifndef _Interlocked_operand_
#define _Interlocked_operand_
#endif
#ifndef _Acquires_lock_
#define _Acquires_lock_(lock)
#endif
#ifndef _Releases_lock_
#define _Releases_lock_(lock)
#endif
#ifndef _Acquires_exclusive_lock_
#define _Acquires_exclusive_lock_(lock)
#endif
#ifndef _Releases_exclusive_lock_
#define _Releases_exclusive_lock_(lock)
#endif
#ifndef _Requires_lock_held_
#define _Requires_lock_held_(lock)
#endif
#ifndef _Guarded_by_
#define _Guarded_by_(lock)
#endif
#ifndef _Maybe_raises_SEH_exception_
#define _Maybe_raises_SEH_exception_
#endif
#ifndef _Raises_SEH_exception_
#define _Raises_SEH_exception_
#endif
#ifndef _Kernel_float_used_
#define _Kernel_float_used_
#endif
#ifndef _Notliteral_
#define _Notliteral_
#endif
#ifndef _Literal_
#define _Literal_
#endif
#ifndef _Strict_type_match_
#define _Strict_type_match_
#endif
#ifndef _Points_to_data_
#define _Points_to_data_
#endif
#ifndef _Writable_elements_
#define _Writable_elements_(size)
#endif
#ifndef _Writable_bytes_
#define _Writable_bytes_(size)
#endif
#ifndef _Readable_elements_
#define _Readable_elements_(size)
#endif
#ifndef _Readable_bytes_
#define _Readable_bytes_(size)
#endif
#ifndef _Null_terminated_
#define _Null_terminated_
#endif
#ifndef _Analysis_noreturn_
#define _Analysis_noreturn_
#endif
#ifndef _Analysis_mode_
#define _Analysis_mode_(mode)
#endif
#ifndef _Function_class_
#define _Function_class_(name)
#endif
#ifndef _IRQL_requires_max_
#define _IRQL_requires_max_(level)
#endif
#ifndef _IRQL_requires_
#define _IRQL_requires_(level)
#endif
#ifndef __drv_allocatesMem
#define __drv_allocatesMem(kind)
#endif
#ifndef __drv_freesMem
#define __drv_freesMem(kind)
#endif
#ifndef __drv_aliasesMem
#define __drv_aliasesMem
#endif
#ifndef __success
#define __success(expr)
#endif
#ifndef __in_ecount_z
#define __in_ecount_z(size)
#endif
#ifndef __out_ecount_z
#define __out_ecount_z(size)
#endif
#ifndef __inout_ecount_z
#define __inout_ecount_z(size)
#endif

/* Object-like legacy spellings: same rule as eaphost/wintypes.h. */
#if !defined(EAPHOST_NO_LEGACY_SAL) && \
    (!defined(__cplusplus) || defined(EAPHOST_LEGACY_SAL))
#ifndef __out_z
#define __out_z
#endif
#ifndef __in_z_opt
#define __in_z_opt
#endif
#endif

#endif /* EAPHOST_WIN32_SAL_H */
