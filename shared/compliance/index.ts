// The public entry of shared/compliance: which framework requirements the model addresses.
export {
  COMPLIANCE_FRAMEWORKS,
  complianceTable,
  type Addresser,
  type ComplianceFramework,
  type ComplianceRow,
  type ComplianceTable,
} from './compliance';
