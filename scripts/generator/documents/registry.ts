// Every catalog component type and the builder that draws it.
import type { Rng } from '../prng.js';
import {
  application,
  decision,
  dossierReceipt,
  officialLetter,
  powerOfAttorney,
  unrelatedPage,
} from './administrative.js';
import { enterpriseCertificate, householdBusinessCertificate } from './business.js';
import {
  birthCertificate,
  deathRecord,
  householdBook,
  maritalStatus,
  marriageCertificate,
  residenceConfirmation,
} from './civil-status.js';
import type { DocumentBuilder, DocumentDraft, DossierContext } from './common.js';
import { budgetPayment, feeReceipt, incomeTaxReturn, registrationFeeReturn, scannedInvoice } from './finance.js';
import { identityCard } from './identity-card.js';
import {
  buildingPermit,
  cadastralExtract,
  changeRegistration,
  inheritanceAgreement,
  landCertificate,
  transferContract,
} from './land.js';

export const BUILDERS: Record<string, DocumentBuilder> = {
  can_cuoc: identityCard,
  giay_khai_sinh: birthCertificate,
  giay_chung_nhan_ket_hon: marriageCertificate,
  xac_nhan_tinh_trang_hon_nhan: maritalStatus,
  trich_luc_khai_tu: deathRecord,
  gcn_quyen_su_dung_dat: landCertificate,
  hop_dong_chuyen_nhuong: transferContract,
  don_dang_ky_bien_dong: changeRegistration,
  to_khai_le_phi_truoc_ba: registrationFeeReturn,
  bien_lai_thu_phi: feeReceipt,
  hoa_don_dien_tu: scannedInvoice,
  gcn_dang_ky_doanh_nghiep: enterpriseCertificate,
  gcn_dang_ky_ho_kinh_doanh: householdBusinessCertificate,
  giay_uy_quyen: powerOfAttorney,
  phieu_tiep_nhan_ho_so: dossierReceipt,
  quyet_dinh: decision,
  giay_phep_xay_dung: buildingPermit,
  don_to_khai: application,
  xac_nhan_cu_tru: residenceConfirmation,
  so_ho_khau: householdBook,
  to_khai_thue_tncn: incomeTaxReturn,
  giay_nop_tien_nsnn: budgetPayment,
  trich_luc_ban_do: cadastralExtract,
  van_ban_thua_ke: inheritanceAgreement,
  cong_van: officialLetter,
  khac: unrelatedPage,
};

export function buildDocument(type: string, rng: Rng, ctx: DossierContext): DocumentDraft {
  const builder = BUILDERS[type];
  if (!builder) throw new Error(`no document builder for component type "${type}"`);
  return builder(rng, ctx);
}
